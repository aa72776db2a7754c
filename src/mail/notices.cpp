#include "mail/notices.h"

#include <functional>

#include "content/capabilities.h"

namespace khabar::mail {
namespace {

constexpr content::Timestamp kDigestGap = 3600;

// Who gets a notice: enabled, signed up (a password), an address, the notice on, `wanted`.
int notify(Postman& postman, store::Store& store, int notice,
           const std::function<bool(const store::Account&)>& wanted,
           const std::function<Letter(const store::Account&)>& write) {
  int posted = 0;
  for (const auto& a : store.accounts().accounts()) {
    if (a.disabled || a.password_hash.empty() || a.email.empty() || !(a.notices & notice) ||
        !wanted(a))
      continue;
    Letter l = write(a);
    l.to = a.email;
    l.user_id = a.id;
    posted += postman.post(l) ? 1 : 0;
  }
  return posted;
}

std::string signature(const SiteName& site) {
  return "\n-- \n" + site.title + "\n" + site.url + "\n";
}

std::string notices_footer(const SiteName& site) {
  return "\nYou can turn these notices off on your profile: " + site.url + "/admin/profile\n" +
         signature(site);
}

}  // namespace

Letter invitation_letter(const SiteName& site, const store::Account& account, std::string_view link,
                         std::string_view invited_by) {
  Letter l;
  l.kind = "invitation";
  l.user_id = account.id;
  l.to = account.email;
  l.subject = "You are invited to " + site.title;
  l.body = "Hello " + account.display_name + ",\n\n" + std::string(invited_by) +
           " invited you to work on " + site.title + ". Your login is: " + account.login +
           "\n\nChoose your password with this link (valid for 24 hours, and once):\n\n" +
           std::string(link) + "\n\nIf you did not expect this, ignore this letter.\n" +
           signature(site);
  return l;
}

Letter password_letter(const SiteName& site, const store::Account& account, std::string_view link,
                       bool asked_by_user) {
  Letter l;
  l.kind = "password-reset";
  l.user_id = account.id;
  l.to = account.email;
  l.subject = "Choose a new password for " + site.title;
  l.body = "Hello " + account.display_name + ",\n\n" +
           (asked_by_user ? "Someone (we hope you) asked for a new password for your account on "
                          : "An administrator sent you a link to choose a password on ") +
           site.title + " (login: " + account.login + ").\n\nChoose it with this link (valid for " +
           (asked_by_user ? "one hour" : "24 hours") + ", and once):\n\n" + std::string(link) +
           "\n\nIf you did not ask for it, ignore this letter: your password stays as it is.\n" +
           signature(site);
  return l;
}

int notify_submitted(Postman& postman, store::Store& store, const SiteName& site, content::Id id,
                     std::string_view title, const store::Account& submitter) {
  return notify(
      postman, store, store::kNoticeReviews,
      [&](const store::Account& a) {
        return a.id != submitter.id &&
               content::can(a.role, content::Action::PublishArticle, content::Ownership::Others);
      },
      [&](const store::Account&) {
        Letter l;
        l.kind = "review";
        l.subject = "For review: " + std::string(title);
        l.body = submitter.display_name + " submitted an article for review:\n\n" +
                 std::string(title) + "\n" + site.url + "/admin/articles/" + std::to_string(id) +
                 "/edit\n" + notices_footer(site);
        return l;
      });
}

int notify_new_device(Postman& postman, store::Store& store, const SiteName& site,
                      const store::Account& account, std::string_view when,
                      std::string_view browser, std::string_view network) {
  std::string shown_browser(browser.substr(0, 160));
  return notify(
      postman, store, store::kNoticeSignIns,
      [&](const store::Account& a) {
        return a.id == account.id || a.role == content::Role::Administrator;
      },
      [&](const store::Account& a) {
        Letter l;
        l.kind = "new-device";
        bool own = a.id == account.id;
        l.subject = own ? "New sign-in to your account on " + site.title
                        : "New sign-in: " + account.display_name + " on " + site.title;
        l.body = (own ? std::string("Your account (login: ") + account.login + ")"
                      : account.display_name + " (login: " + account.login + ")") +
                 " signed in on " + site.title +
                 " from a device not seen before.\n\nWhen: " + std::string(when) +
                 "\nBrowser: " + (shown_browser.empty() ? "unknown" : shown_browser) +
                 "\nNetwork: " + std::string(network) + "\n\n" +
                 (own ? "If this was not you, choose a new password now: " + site.url +
                            "/admin/forgot\nand tell an administrator.\n"
                      : "If this was not expected, disable the account: " + site.url +
                            "/admin/users\n") +
                 notices_footer(site);
        return l;
      });
}

int moderation_digest(Postman& postman, store::Store& store, content::Timestamp now) {
  content::Timestamp newest_at = 0;
  std::int64_t waiting = 0;
  SiteName site;
  {
    auto snapshot = store.snapshot();
    auto newest = snapshot->comments_for_moderation(content::CommentStatus::Pending, 1);
    if (newest.empty()) return 0;
    newest_at = newest.front().comment.created_at;
    waiting = snapshot->count_comments(content::CommentStatus::Pending);
    site = {snapshot->setting("title").value_or("Khabar"), snapshot->setting("url").value_or("")};
  }
  // Only comments newer than the last digest, and not within the hour after it.
  if (!store.outbox().advance_mark("moderation-digest", now,
                                   std::min(now - kDigestGap + 1, newest_at)))
    return 0;
  while (!site.url.empty() && site.url.back() == '/') site.url.pop_back();
  return notify(
      postman, store, store::kNoticeComments,
      [&](const store::Account& a) {
        return content::can(a.role, content::Action::ModerateComments);
      },
      [&](const store::Account&) {
        Letter l;
        l.kind = "moderation";
        l.subject = std::to_string(waiting) +
                    (waiting == 1 ? " comment awaits" : " comments await") + " moderation on " +
                    site.title;
        l.body = std::to_string(waiting) + (waiting == 1 ? " comment awaits" : " comments await") +
                 " moderation:\n\n" + site.url +
                 "/admin/comments\n\n(At most one such notice an hour.)\n" + notices_footer(site);
        return l;
      });
}

}  // namespace khabar::mail
