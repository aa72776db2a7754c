// bench_wxr_gen: writes a WordPress export (WXR 1.2) of a given size for bench/import.sh:
// authors, a category tree, tags, and posts with HTML bodies (paragraphs, a [caption],
// links, lists) and threaded comments. Deterministic.
//
//   bench_wxr_gen OUT.xml POSTS COMMENTS_PER_POST [embeds]
//
// With "embeds", every post also holds what WordPress sites embed: an [embed] shortcode,
// a YouTube URL alone on its line, a Gutenberg embed block and an X iframe (the import's
// embeds_as_links pass then has work in every post).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace {

const char* kWords[] = {"kabul",    "province",    "council",  "market",   "winter",  "water",
                        "school",   "health",      "road",     "election", "farmers", "prices",
                        "report",   "city",        "students", "women",    "border",  "trade",
                        "river",    "bridge",      "hospital", "teachers", "drought", "harvest",
                        "minister", "journalists", "radio"};
constexpr int kWordCount = sizeof(kWords) / sizeof(kWords[0]);

std::string words(unsigned seed, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1103515245u + 12345u;
    if (i) out += ' ';
    out += kWords[(seed >> 16) % kWordCount];
  }
  return out;
}

std::string date(long i) {
  long day = i % 28 + 1, month = i / 28 % 12 + 1, year = 2010 + i / 336 % 15;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld %02ld:%02ld:00", year, month, day, i % 24,
                i % 60);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && !(argc == 5 && std::string(argv[4]) == "embeds")) {
    std::cerr << "usage: bench_wxr_gen OUT.xml POSTS COMMENTS_PER_POST [embeds]\n";
    return 2;
  }
  bool embeds = argc == 5;
  std::ofstream out(argv[1], std::ios::binary);
  long posts = std::atol(argv[2]);
  int per_post = std::atoi(argv[3]);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
         "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
         "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Bench News</title>\n"
         "<link>https://bench.example</link>\n<description>Generated</description>\n"
         "<language>en-US</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
         "<wp:base_site_url>https://bench.example</wp:base_site_url>\n"
         "<wp:base_blog_url>https://bench.example</wp:base_blog_url>\n";
  for (int a = 1; a <= 8; ++a)
    out << "<wp:author><wp:author_id>" << a << "</wp:author_id><wp:author_login><![CDATA[reporter"
        << a << "]]></wp:author_login><wp:author_email><![CDATA[reporter" << a
        << "@bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Reporter Number "
        << a << "]]></wp:author_display_name></wp:author>\n";
  for (int c = 1; c <= 30; ++c)
    out << "<wp:category><wp:term_id>" << c
        << "</wp:term_id><wp:category_nicename><![CDATA[section-" << c
        << "]]></wp:category_nicename><wp:category_parent><![CDATA["
        << (c > 10 ? "section-" + std::to_string((c - 1) % 10 + 1) : "")
        << "]]></wp:category_parent>"
        << "<wp:cat_name><![CDATA[Section " << c << "]]></wp:cat_name></wp:category>\n";
  for (int t = 1; t <= 300; ++t)
    out << "<wp:tag><wp:term_id>" << 1000 + t << "</wp:term_id><wp:tag_slug><![CDATA[topic-" << t
        << "]]></wp:tag_slug><wp:tag_name><![CDATA[Topic " << t << "]]></wp:tag_name></wp:tag>\n";
  long comment_id = 1;
  for (long p = 1; p <= posts; ++p) {
    unsigned seed = static_cast<unsigned>(p);
    std::string title = words(seed, 7);
    out << "<item>\n<title><![CDATA[" << title << " " << p << "]]></title>\n"
        << "<link>https://bench.example/" << date(p).substr(0, 4) << "/" << date(p).substr(5, 2)
        << "/story-" << p << "/</link>\n<dc:creator><![CDATA[reporter" << p % 8 + 1
        << "]]></dc:creator>\n"
        << "<guid isPermaLink=\"false\">https://bench.example/?p=" << p << "</guid>\n"
        << "<content:encoded><![CDATA[<!-- wp:paragraph -->\n"
        << words(seed + 1, 60) << " <a href=\"https://bench.example/?p=" << (p > 1 ? p - 1 : 1)
        << "\">earlier</a>.\n<!-- /wp:paragraph -->\n\n"
        << "[caption id=\"attachment_" << p
        << "\" align=\"alignright\" width=\"300\"]<img src=\"https://bench.example/uploads/" << p
        << ".jpg\" alt=\"" << words(seed + 2, 3) << "\" width=\"300\" height=\"200\" /> "
        << words(seed + 3, 8) << "[/caption]\n\n"
        << words(seed + 4, 80) << "\n"
        << words(seed + 5, 40) << "\n\n<ul>\n<li>" << words(seed + 6, 6) << "</li>\n<li>"
        << words(seed + 7, 6) << "</li>\n</ul>\n\n<strong>" << words(seed + 8, 5) << "</strong> "
        << words(seed + 9, 90)
        << (embeds
                ? "\n\n[embed]https://www.youtube.com/watch?v=dQw4w9WgX" + std::to_string(p % 10) +
                      "[/embed]\n\nhttps://youtu.be/abcdefghij" + std::to_string(p % 10) +
                      "\n\n<!-- wp:embed {\"url\":\"https://vimeo.com/7654321\"} -->\n<figure "
                      "class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n"
                      "https://vimeo.com/7654321\n</div></figure>\n<!-- /wp:embed -->\n\n"
                      "<iframe src=\"https://platform.twitter.com/embed/Tweet.html?id=17300000" +
                      std::to_string(p) + "\" width=\"550\" height=\"400\"></iframe>"
                : std::string())
        << "]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
        << "<wp:post_id>" << p << "</wp:post_id>\n<wp:post_date><![CDATA[" << date(p)
        << "]]></wp:post_date>\n"
        << "<wp:post_date_gmt><![CDATA[" << date(p) << "]]></wp:post_date_gmt>\n"
        << "<wp:comment_status><![CDATA[open]]></wp:comment_status>\n<wp:post_name><![CDATA[story-"
        << p << "]]></wp:post_name>\n<wp:status><![CDATA[" << (p % 50 == 0 ? "draft" : "publish")
        << "]]></wp:status>\n"
        << "<wp:post_parent>0</wp:post_parent>\n<wp:menu_order>0</wp:menu_order>\n"
        << "<wp:post_type><![CDATA[post]]></wp:post_type>\n<wp:post_password><![CDATA[]]></"
           "wp:post_password>\n"
        << "<wp:is_sticky>0</wp:is_sticky>\n"
        << "<category domain=\"category\" nicename=\"section-" << p % 30 + 1
        << "\"><![CDATA[Section " << p % 30 + 1 << "]]></category>\n"
        << "<category domain=\"post_tag\" nicename=\"topic-" << p % 300 + 1 << "\"><![CDATA[Topic "
        << p % 300 + 1 << "]]></category>\n"
        << "<category domain=\"post_tag\" nicename=\"topic-" << (p * 7) % 300 + 1
        << "\"><![CDATA[Topic " << (p * 7) % 300 + 1 << "]]></category>\n";
    long first = comment_id;
    for (int c = 0; c < per_post; ++c, ++comment_id)
      out << "<wp:comment>\n<wp:comment_id>" << comment_id << "</wp:comment_id>\n"
          << "<wp:comment_author><![CDATA[Reader " << comment_id % 997
          << "]]></wp:comment_author>\n"
          << "<wp:comment_author_email><![CDATA[reader" << comment_id % 997
          << "@mail.example]]></wp:comment_author_email>\n"
          << "<wp:comment_author_url></wp:comment_author_url>\n<wp:comment_author_IP><![CDATA[10.0."
          << comment_id % 250 << "." << comment_id % 199 << "]]></wp:comment_author_IP>\n"
          << "<wp:comment_date><![CDATA[" << date(p)
          << "]]></wp:comment_date>\n<wp:comment_date_gmt><![CDATA[" << date(p)
          << "]]></wp:comment_date_gmt>\n<wp:comment_content><![CDATA["
          << words(static_cast<unsigned>(comment_id), 25)
          << "]]></wp:comment_content>\n<wp:comment_approved><![CDATA["
          << (comment_id % 10 == 0 ? "0" : "1")
          << "]]></wp:comment_approved>\n<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n"
          << "<wp:comment_parent>" << (c % 3 == 2 ? first : 0)
          << "</wp:comment_parent>\n</wp:comment>\n";
    out << "</item>\n";
  }
  out << "</channel>\n</rss>\n";
  return out ? 0 : 1;
}
