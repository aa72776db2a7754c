// Putting an uploaded image into the media library: used by the library screen and by
// the editor's "add an image". Checks the size limit (the max_image_mb setting) and the
// role, decides the type from the bytes, removes all metadata, makes the variants.
#pragma once

#include <string>
#include <string_view>

#include "admin/context.h"

namespace khabar::admin {

struct UploadOutcome {
  Id id = 0;          // the library item (also when the same picture was there already)
  std::string file;   // its original, under /media/
  int status = 200;   // else 413, 415, 422, 403, 500 with `error`
  std::string error;  // a sentence for the user; empty when it worked
  bool none = false;  // no file was chosen
};

// The image in the form's file field `field`.
UploadOutcome upload_image(Context& ctx, std::string_view field, std::string_view alt,
                           std::string_view caption, std::string_view credit);

int upload_limit_mb(Context& ctx);  // the max_image_mb setting

}  // namespace khabar::admin
