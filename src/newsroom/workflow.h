// The newsroom's operations on the workflow of articles, above the store: what the
// scheduler, the desk and the CLI all do the same way.
#pragma once

#include <vector>

#include "content/model.h"
#include "store/status.h"
#include "store/store.h"

namespace khabar::newsroom {

// Publishes every scheduled article whose time has come (at or before `now`) in one
// transaction; returns their ids. Cheap when none is due: one read, no write.
store::Result<std::vector<content::Id>> publish_due(store::Store& store, content::Timestamp now);

}  // namespace khabar::newsroom
