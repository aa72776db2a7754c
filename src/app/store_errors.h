// What a client gets when a store call failed in a way that is not a bug (docs/store.md,
// "Errors"): the last step before the server's last-resort 500.
#pragma once

#include <optional>

#include "http/message.h"
#include "store/status.h"

namespace khabar::app {

// NotFound 404 (it went meanwhile), Conflict 409 (someone changed it meanwhile),
// Unavailable 503 with Retry-After: 5 (nothing was stored: try again). Corrupt and
// Invalid are bugs or damage: none (the caller rethrows; the server answers 500).
std::optional<http::Response> store_error_response(const store::StoreError& error);

}  // namespace khabar::app
