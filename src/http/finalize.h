// The last step before a response goes out, shared by every handler: validators
// (ETag, 304), content coding (gzip), default headers. Pure: testable without sockets.
#pragma once

#include "http/message.h"

namespace khabar::http {

// Adjusts `response` for `request`:
// - a 200 to GET/HEAD gets a strong ETag (a hash of the body) unless it has one, and
//   becomes a 304 without body when If-None-Match names it;
// - a compressible body over 512 bytes is sent compressed when the client accepts it:
//   brotli if precomputed, else gzip (precomputed, or made now), with
//   Vary: Accept-Encoding either way; the ETag gets a -br / -gzip suffix;
// - Cache-Control gets its default, X-Content-Type-Options: nosniff is always set.
// After it, `response.body` is exactly the bytes to send (HEAD: the caller sends none).
void finalize_response(const Request& request, Response& response);

// The status line and headers of a finalized response as they go on the wire (with
// Server, Content-Type, Cache-Control and Content-Length), without the final CRLF.
std::string serialize_head(const Response& response);

// Which precomputed wire form suits `request`: brotli or gzip by its Accept-Encoding;
// none for HEAD, HTTP/1.0 or conditional requests (they take the ordinary path).
const WireForm* pick_wire_form(const Request& request, const WireResponse& wire);
// Whether `request` may be answered with a wire form at all (a plain HTTP/1.1 GET).
bool takes_wire_forms(const Request& request);

// A 64-bit hash of `data` as 16 hex digits, stable across runs and machines: ETags, names.
std::string content_hash(std::string_view data);

}  // namespace khabar::http
