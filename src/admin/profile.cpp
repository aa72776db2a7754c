// My profile: public name, public address (slug) and bio, private email, password,
// two-factor status, and the sessions signed in as me (each can be ended).
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "content/text.h"
#include "media/files.h"
#include "media/image.h"
#include "security/password.h"
#include "security/secret.h"

namespace khabar::admin {
namespace {

constexpr int kPhotoSize = 256;

// The notices a role can get (store::Account::notices).
struct Notice {
  int bit;
  std::string label;
};
std::vector<Notice> notices_for(content::Role role) {
  std::vector<Notice> out;
  if (content::can(role, content::Action::ModerateComments))
    out.push_back(
        {store::kNoticeComments, "when comments await moderation (at most once an hour)"});
  if (content::can(role, content::Action::PublishArticle, content::Ownership::Others))
    out.push_back({store::kNoticeReviews, "when an article is submitted for review"});
  out.push_back({store::kNoticeSignIns, role == content::Role::Administrator
                                            ? "when anyone signs in from a new device"
                                            : "when I sign in from a new device"});
  return out;
}

http::Response profile_page(Context& ctx, int status, std::string_view error) {
  const auto& me = ctx.user->account;
  AdminPage page(ctx, "admin/profile.tpl", "Your profile");
  auto& d = page.main();
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done")) {
    if (*done == "details") page.notice("Your profile is saved.");
    if (*done == "password") page.notice("Your password is changed; your other sessions ended.");
    if (*done == "revoked") page.notice("The session has ended.");
    if (*done == "photo") page.notice("Your photo is saved.");
    if (*done == "notices") page.notice("Your email notices are saved.");
  }
  if (!ctx.mails()) d.ShowSection("NO_MAIL");
  for (const auto& n : notices_for(me.role)) {
    auto* row = d.AddSectionDictionary("NOTICE");
    row->SetIntValue("VALUE", n.bit);
    row->SetValue("LABEL", n.label);
    if (me.notices & n.bit) row->ShowSection("ON");
  }
  bool post = ctx.is_post() && ctx.form.get("action") == "details";
  d.SetValue("DISPLAY_NAME", post ? ctx.form.get("display_name") : me.display_name);
  d.SetValue("EMAIL", post ? ctx.form.get("email") : me.email);
  d.SetValue("BIO", post ? ctx.form.get("bio") : me.bio);
  d.SetValue("LOGIN", me.login);
  if (!me.avatar.empty()) d.SetValueAndShowSection("PHOTO", "/media/" + me.avatar, "HAS_PHOTO");
  d.SetValue("SLUG", me.slug);
  d.SetValue("NEW_SLUG", post ? ctx.form.get("slug") : me.slug);
  d.SetValue("ROLE", std::string(to_string(me.role)));
  d.SetValue("TWO_FACTOR", me.totp_sealed.empty() ? "off" : "on");
  d.SetIntValue("MIN_LENGTH", static_cast<long>(security::kMinPasswordLength));
  for (const auto& s : ctx.accounts().sessions_of(me.id)) {
    auto* row = d.AddSectionDictionary("SESSION");
    row->SetValue("STARTED", admin_time(ctx, s.created_at));
    row->SetValue("LAST_SEEN", admin_time(ctx, s.last_seen_at));
    row->SetValue("AGENT", s.user_agent.empty() ? "(unknown browser)" : s.user_agent);
    row->SetValue("DIGEST", s.id_digest);
    row->SetValue("CSRF", ctx.user->csrf);
    if (s.id_digest == ctx.user->session_digest) row->ShowSection("THIS");
  }
  return page.render(status);
}

}  // namespace

http::Response profile(Context& ctx) {
  if (!ctx.is_post()) return profile_page(ctx, 200, "");
  const auto& me = ctx.user->account;
  std::string action = ctx.form.get("action");
  if (action == "details") {
    store::ProfileChange change{content::trim(ctx.form.get("display_name")),
                                content::trim(ctx.form.get("email")),
                                content::trim(ctx.form.get("bio"))};
    if (change.display_name.empty() || change.display_name.size() > 200)
      return profile_page(ctx, 422, "Your display name must have 1 to 200 characters.");
    if (!content::is_valid_utf8(change.display_name + change.bio) || change.bio.size() > 5000)
      return profile_page(ctx, 422, "Your bio must be valid text of at most 5,000 bytes.");
    if (!change.email.empty() && change.email.find('@') == std::string::npos)
      return profile_page(ctx, 422, "That is not an email address.");
    // The public address: a slug of the typed one; never the login (it is private).
    std::string typed_slug = content::trim(ctx.form.get("slug"));
    std::string slug = typed_slug.empty() ? me.slug : content::make_slug(typed_slug);
    if (slug.empty())
      return profile_page(ctx, 422, "Your public address needs at least one letter or digit.");
    if (content::names_login(slug, me.login))
      return profile_page(ctx, 422,
                          "Your public address must not be your login: logins stay private.");
    if (slug != me.slug) {
      auto moved = ctx.accounts().set_public_slug(me.id, slug);
      if (moved.code() == store::Code::Conflict)
        return profile_page(ctx, 409, "Another account has that public address: choose another.");
      if (!moved) return store_refusal(ctx, moved);
      spdlog::info("admin: account {} moved their author page to /author/{}/", me.id, slug);
    }
    ctx.accounts().update_profile(me.id, change);
    return see_other("/admin/profile?done=details");
  }
  if (action == "password") {
    if (!security::verify_password(me.password_hash, ctx.form.get("current")))
      return profile_page(ctx, 403, "Your current password is not right.");
    std::string password = ctx.form.get("password");
    if (password != ctx.form.get("confirm"))
      return profile_page(ctx, 422, "The two new passwords are not the same.");
    if (auto weak = security::password_weakness(password, me.login, me.display_name))
      return profile_page(ctx, 422, *weak);
    ctx.accounts().set_password_hash(me.id, security::hash_password(password), ctx.now,
                                     ctx.user->session_digest);
    spdlog::info("admin: account {} changed their password", me.id);
    return see_other("/admin/profile?done=password");
  }
  if (action == "photo" || action == "remove-photo") {
    std::string stored;
    if (action == "photo") {
      const http::FormPart* upload = nullptr;
      for (const auto& f : ctx.files)
        if (f.name == "avatar") upload = &f;
      if (!upload || upload->data.empty())
        return profile_page(ctx, 422, "Choose a photo to upload first.");
      std::string error;
      auto photo = media::make_square_jpeg(upload->data, kPhotoSize, &error);
      if (!photo) return profile_page(ctx, 422, error);
      stored = "avatars/" + std::to_string(me.id) + "-" +
               security::token_digest(photo->bytes).substr(0, 16) + ".jpg";
      if (!media::write_file_atomically(ctx.media_dir / stored, photo->bytes))
        return profile_page(ctx, 500, "The photo could not be saved on the server's disk.");
    }
    ctx.accounts().set_avatar(me.id, stored);
    if (!me.avatar.empty() && me.avatar != stored) {
      std::error_code ec;
      std::filesystem::remove(ctx.media_dir / me.avatar, ec);
    }
    return see_other("/admin/profile?done=photo");
  }
  if (action == "notices") {
    int chosen = 0;
    for (const auto& v : ctx.form.all("notice"))
      if (auto bit = content::parse_integer(v)) chosen |= static_cast<int>(*bit);
    // Notices the role cannot get keep their value (they count again after a role change).
    int shown = 0;
    for (const auto& n : notices_for(me.role)) shown |= n.bit;
    ctx.accounts().set_notices(me.id, (me.notices & ~shown) | (chosen & shown));
    return see_other("/admin/profile?done=notices");
  }
  if (action == "revoke") {
    std::string digest = ctx.form.get("session");
    for (const auto& s : ctx.accounts().sessions_of(me.id))
      if (s.id_digest == digest) ctx.accounts().delete_session(digest);
    return see_other(digest == ctx.user->session_digest ? "/admin/login"
                                                        : "/admin/profile?done=revoked");
  }
  return message_page(ctx, 400, "Unknown action", "That is not a profile action.");
}

}  // namespace khabar::admin
