#include "newsroom/banner.h"

#include "content/capabilities.h"
#include "content/language.h"
#include "content/text.h"

namespace khabar::newsroom {
namespace {

// A link a reader may follow from every page: a path here, or an http(s) address.
bool acceptable_link(std::string_view url) {
  if (url.empty()) return true;
  if (url.find_first_of(" \t\r\n\"<>\\") != std::string_view::npos) return false;
  if (url.starts_with("/")) return !url.starts_with("//");
  return url.starts_with("https://") || url.starts_with("http://");
}

store::Status commit(store::Store& store, const std::optional<content::Banner>& banner) {
  auto tx = store.begin();
  tx->set_banner(banner);
  return tx->commit();
}

}  // namespace

store::Status put_up_banner(store::Store& store, const Actor& actor, const BannerRequest& request,
                            content::Timestamp now) {
  if (!content::can(actor.role, content::Action::SetBreakingNews))
    return store::Status::forbidden("only editors and administrators put up breaking news");
  std::string text = request.text;
  for (char& c : text)
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  text = content::trim(text);
  if (text.empty()) return store::Status::invalid("The banner needs a line of text.");
  if (!content::is_valid_utf8(text)) return store::Status::invalid("The text is not valid UTF-8.");
  if (content::utf8_length(text) > kBannerMaxChars)
    return store::Status::invalid("The banner is one line: " + std::to_string(kBannerMaxChars) +
                                  " characters at most.");
  std::string url = content::trim(request.url);
  if (!acceptable_link(url))
    return store::Status::invalid(
        "The link must be a page of this site (/...) or an http:// or https:// address.");
  if (!content::is_valid_language_code(request.language))
    return store::Status::invalid("Choose the banner's language.");
  if (request.until != 0 && request.until <= now)
    return store::Status::invalid("The end time has passed: choose a later one, or none.");
  content::Banner b;
  b.text = std::move(text);
  b.url = std::move(url);
  b.language = request.language;
  b.until = request.until;
  b.set_by = actor.id;
  b.set_at = now;
  return commit(store, b);
}

store::Status take_down_banner(store::Store& store, const Actor& actor) {
  if (!content::can(actor.role, content::Action::SetBreakingNews))
    return store::Status::forbidden("only editors and administrators take down breaking news");
  return commit(store, std::nullopt);
}

}  // namespace khabar::newsroom
