// Comment rules: what a valid submission is, and where a new comment goes (approved,
// held for moderation, spam) under the site's moderation settings. Pure: no I/O.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"

namespace khabar::content {

constexpr std::size_t kMaxCommentChars = 10000;

struct ModerationSettings {
  enum class Hold { All, FirstTime, None };
  Hold hold = Hold::FirstTime;          // WordPress default: hold first-time commenters
  int max_links = 2;                    // more links than this: held
  std::vector<std::string> block_list;  // words, emails, IP addresses or ranges: spam
  std::vector<std::string> allow_list;  // emails, IP addresses or ranges: approved
  int close_after_days = 0;             // 0: comments never close by age
  int thread_depth = 5;                 // replies nest this deep at most
  int flood_seconds = 15;               // one comment per client in this many seconds
};

// Reads the settings from the store's key/value settings (docs/configuration.md lists
// the keys); missing or malformed values keep the defaults.
ModerationSettings moderation_settings(
    const std::function<std::optional<std::string>(std::string_view)>& setting);

struct CommentSubmission {
  std::string name;
  std::string email;
  std::string url;
  std::string body;
  std::string ip;  // the client's address: used for the block list, never stored
  Id parent_id = 0;
};

// Field name ("author", "email", "url", "comment") -> string-table key of the problem.
using FieldErrors = std::map<std::string, std::string>;

// Required fields, email shape, http(s) website, length limits, valid UTF-8.
FieldErrors validate_comment(const CommentSubmission& s);

// The submission with whitespace trimmed (and the email lowercased).
CommentSubmission normalise_comment(CommentSubmission s);

// Where the new comment goes. `has_approved_before`: an approved comment with this email
// exists. Block list wins over allow list; allow list over holding rules.
CommentStatus classify_comment(const CommentSubmission& s, const ModerationSettings& m,
                               bool has_approved_before);

// Links in a comment text (http://, https:// and www. occurrences).
int count_links(std::string_view text);

// Whether comments may be posted on `a` at `now`.
bool comments_open(const Article& a, const ModerationSettings& m, Timestamp now);

// Whether `ip` (IPv4 or IPv6 text) equals `pattern` or falls in it ("10.1.0.0/16").
bool ip_matches(std::string_view ip, std::string_view pattern);

}  // namespace khabar::content
