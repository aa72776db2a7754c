#include "admin/media_upload.h"

#include <spdlog/spdlog.h>

#include "content/capabilities.h"
#include "content/settings.h"
#include "content/text.h"
#include "content/time_zone.h"
#include "media/image.h"
#include "media/library.h"

namespace khabar::admin {

int upload_limit_mb(Context& ctx) {
  return content::integer_setting("max_image_mb", ctx.store.snapshot()->setting("max_image_mb"));
}

UploadOutcome upload_image(Context& ctx, std::string_view field, std::string_view alt,
                           std::string_view caption, std::string_view credit) {
  UploadOutcome out;
  const http::FormPart* upload = nullptr;
  for (const auto& f : ctx.files)
    if (f.name == field) upload = &f;
  if (!upload || upload->data.empty()) {
    out.none = true;
    out.status = 422;
    out.error = "Choose an image to upload first.";
    return out;
  }
  const auto& me = ctx.user->account;
  if (!content::can(me.role, content::Action::UploadMedia, content::Ownership::Own)) {
    out.status = 403;
    out.error = "Your role may not upload images.";
    return out;
  }
  std::string a = content::trim(alt), c = content::trim(caption), cr = content::trim(credit);
  if (!content::is_valid_utf8(a + c + cr + upload->filename) || a.size() > 500 || c.size() > 2000 ||
      cr.size() > 300) {
    out.status = 422;
    out.error =
        "Alt text (500), caption (2,000) and credit (300 bytes) must be text of at most that size.";
    return out;
  }
  int limit = upload_limit_mb(ctx);
  if (upload->data.size() > static_cast<std::size_t>(limit) << 20) {
    out.status = 413;
    out.error =
        "This image is larger than " + std::to_string(limit) + " MB, the largest the site accepts.";
    return out;
  }
  if (!media::sniff_image(upload->data)) {
    out.status = 415;
    out.error =
        "This file is not a JPEG, PNG, WebP or GIF image (whatever its name says); nothing was "
        "stored.";
    return out;
  }
  auto local = ctx.settings.zone.local(ctx.now);
  char folder[16];
  std::snprintf(folder, sizeof folder, "%04d/%02d", local.year, local.month);
  std::vector<std::filesystem::path> written;
  std::string error;
  auto saved = media::save_image(upload->data, ctx.media_dir, folder, written, &error, me.id);
  auto undo = [&] {
    std::error_code ec;
    for (const auto& p : written) std::filesystem::remove(p, ec);
  };
  if (!saved) {
    undo();
    out.status = 422;
    out.error = error + " Nothing was stored.";
    return out;
  }
  out.file = saved->original.file;
  // The same picture uploaded before by this user: that item. (Files are named by the
  // uploader and the picture, so someone else's identical upload never lands here: pointing
  // at their item would tell that it exists.)
  auto tx = ctx.store.begin();
  if (auto same = tx->media_id_by_file(saved->original.file)) {
    out.id = *same;
    return out;
  }
  store::NewMedia m;
  m.original = saved->original;
  m.variants = saved->variants;
  m.crops = saved->crops;
  m.alt = a;
  m.caption = c;
  m.credit = cr;
  m.original_name = upload->filename.size() <= 200 ? upload->filename : "";
  m.uploaded_by = me.id;
  try {
    auto added = tx->add_media(m);
    store::Status s = added ? tx->commit() : added.status();
    if (!s) {
      undo();
      out.status = s.code() == store::Code::Unavailable ? 503 : 409;
      out.error = "The library could not store it (" + s.to_string() + ").";
      return out;
    }
    out.id = *added;
  } catch (const std::exception&) {
    undo();
    throw;
  }
  spdlog::info("admin: account {} uploaded media {} ({}, {} variants)", me.id, out.id,
               m.original.file, m.variants.size());
  return out;
}

}  // namespace khabar::admin
