// A snapshot: one consistent view of the store to read from. Every read through it sees
// the store as it was at the snapshot's first read (one read transaction), so a page
// never mixes two states, whatever commits meanwhile; a snapshot opened later sees those
// commits. Opened by Store::snapshot(), ended by destroying it. Cheap to open (SQLite:
// a pooled connection and BEGIN); keep one for a request, not for minutes: it holds the
// old state it sees (SQLite: the WAL cannot be checkpointed past it).
//
// A snapshot is used by one thread at a time. Reads never wait for writes.
#pragma once

#include "store/desk_reads.h"
#include "store/reader_reads.h"

namespace khabar::store {

class Snapshot : public ReaderReads, public DeskReads {
 public:
  ~Snapshot() override = default;
};

}  // namespace khabar::store
