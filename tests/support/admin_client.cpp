#include "support/admin_client.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <functional>
#include <regex>
#include <stdexcept>

#include "content/urls.h"
#include "security/totp.h"
#include "support/clock.h"
#include "support/html.h"
#include "support/server_process.h"

namespace khabar::test {
namespace {

std::string decode_entities(std::string s) {
  for (auto [from, to] :
       {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, strlen(from), to);
  }
  return s;
}

}  // namespace

std::string form_encode(const Fields& fields) {
  std::string body;
  for (const auto& [k, v] : fields)
    body +=
        (body.empty() ? "" : "&") + content::percent_encode(k) + "=" + content::percent_encode(v);
  return body;
}

std::string input_value(const std::string& html, const std::string& name) {
  std::smatch m;
  std::regex re("name=\"" + name + "\"[^>]*? value=\"([^\"]*)\"");
  if (!std::regex_search(html, m, re)) return "";
  return decode_entities(m[1].str());
}

std::string field(const Fields& fields, const std::string& name) {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return "";
}

void set_field(Fields& fields, const std::string& name, const std::string& value) {
  bool found = false;
  for (auto& [k, v] : fields)
    if (k == name) v = value, found = true;
  if (!found) fields.emplace_back(name, value);
}

Fields form_fields(const std::string& html, const std::string& action) {
  Html page(html);
  const GumboNode* form = nullptr;
  for (const GumboNode* f : page.all("form"))
    if (Html::attr(f, "action") == action) {
      form = f;
      break;
    }
  if (!form) throw std::runtime_error("no form posting to " + action);
  auto raw_text = [](const GumboNode* n) {
    std::string out;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) out += c->v.text.text;
    }
    return out;
  };
  Fields fields;
  for (const GumboNode* n : Html::descendants(form, "")) {
    std::string tag = Html::tag(n), name = Html::attr(n, "name");
    if (name.empty()) continue;
    if (tag == "input") {
      std::string type = Html::attr(n, "type");
      if (type == "file" || type == "submit" || type == "button") continue;
      bool checked = gumbo_get_attribute(&n->v.element.attributes, "checked") != nullptr;
      if ((type == "checkbox" || type == "radio") && !checked) continue;
      std::string value = Html::attr(n, "value");
      if ((type == "checkbox" || type == "radio") &&
          !gumbo_get_attribute(&n->v.element.attributes, "value"))
        value = "on";
      fields.emplace_back(name, value);
    } else if (tag == "textarea") {
      fields.emplace_back(name, raw_text(n));
    } else if (tag == "select") {
      auto options = Html::descendants(n, "option");
      const GumboNode* chosen = options.empty() ? nullptr : options.front();
      for (const GumboNode* o : options)
        if (gumbo_get_attribute(&o->v.element.attributes, "selected")) chosen = o;
      if (chosen)
        fields.emplace_back(name, gumbo_get_attribute(&chosen->v.element.attributes, "value")
                                      ? Html::attr(chosen, "value")
                                      : Html::text(chosen));
    }
  }
  return fields;
}

std::vector<std::string> AdminClient::cookie_headers(std::vector<std::string> headers) const {
  std::string cookies;
  if (!session_.empty()) cookies = "khabar_session=" + session_;
  if (!form_cookie_.empty())
    cookies += (cookies.empty() ? "" : "; ") + ("khabar_form=" + form_cookie_);
  if (!device_.empty()) cookies += (cookies.empty() ? "" : "; ") + ("khabar_device=" + device_);
  if (!cookies.empty()) headers.push_back("Cookie: " + cookies);
  if (!client_ip_.empty()) headers.push_back("X-Forwarded-For: " + client_ip_);
  return headers;
}

void AdminClient::remember_cookie(const HttpResponse& r) {
  std::string all = r.header("set-cookie");
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string cookie = all.substr(start, end - start);
    start = end + 1;
    std::string value = cookie.substr(cookie.find('=') + 1);
    value = value.substr(0, value.find(';'));
    if (cookie.starts_with("khabar_session=")) set_session(value);
    if (cookie.starts_with("khabar_form=")) form_cookie_ = value;
    if (cookie.starts_with("khabar_device=")) device_ = value;
  }
}

HttpResponse AdminClient::get(const std::string& target, const std::vector<std::string>& headers) {
  auto r = http_request(port_, "GET", target, cookie_headers(headers));
  remember_cookie(r);
  return r;
}

HttpResponse AdminClient::post(const std::string& target, Fields fields, bool csrf,
                               const std::vector<std::string>& headers) {
  if (csrf) fields.emplace_back("_csrf", this->csrf());
  auto h = cookie_headers(headers);
  h.push_back("Content-Type: application/x-www-form-urlencoded");
  // As browsers do on every POST (unless the test sends an Origin of its own).
  if (std::none_of(headers.begin(), headers.end(), [](const std::string& x) {
        return x.starts_with("Origin:") || x.starts_with("Referer:");
      }))
    h.push_back("Origin: http://127.0.0.1");
  auto r = http_request(port_, "POST", target, h, form_encode(fields));
  remember_cookie(r);
  return r;
}

HttpResponse AdminClient::post_multipart(const std::string& target, Fields fields,
                                         const std::vector<Upload>& files) {
  fields.emplace_back("_csrf", csrf());
  const std::string boundary = "----khabar-test-boundary-7MA4YWxkTrZu0gW";
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v +
            "\r\n";
  for (const auto& f : files)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field +
            "\"; filename=\"" + f.filename +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + f.content + "\r\n";
  body += "--" + boundary + "--\r\n";
  auto h = cookie_headers({"Content-Type: multipart/form-data; boundary=" + boundary});
  auto r = http_request(port_, "POST", target, h, body);
  remember_cookie(r);
  return r;
}

std::string AdminClient::csrf() {
  if (csrf_.empty()) csrf_ = input_value(get("/admin/profile").body, "_csrf");
  return csrf_;
}

HttpResponse AdminClient::sign_in(const std::string& login, const std::string& password,
                                  const std::string& totp_secret) {
  auto page = get("/admin/login");
  std::string token = input_value(page.body, "_csrf");
  auto r =
      post("/admin/login", {{"_csrf", token}, {"login", login}, {"password", password}}, false);
  if (r.status == 200 && !totp_secret.empty()) {
    std::string pending = input_value(r.body, "pending");
    r = post("/admin/login",
             {{"_csrf", input_value(r.body, "_csrf")},
              {"pending", pending},
              {"code", security::totp_code(totp_secret, unix_now())}},
             false);
  }
  return r;
}

HttpResponse AdminClient::set_password(const std::string& link, const std::string& password) {
  std::string target = link.substr(link.find("/admin/password"));
  auto page = get(target);
  if (page.status != 200) return page;
  return post("/admin/password",
              {{"_csrf", input_value(page.body, "_csrf")},
               {"token", input_value(page.body, "token")},
               {"password", password},
               {"confirm", password}},
              false);
}

std::string add_user(const std::filesystem::path& data, const std::string& login,
                     const std::string& role, const std::string& display_name,
                     const std::string& email) {
  std::vector<std::string> args = {"user",    "add", "--data", data.string(),
                                   "--login", login, "--role", role};
  if (!display_name.empty()) args.insert(args.end(), {"--display-name", display_name});
  if (!email.empty()) args.insert(args.end(), {"--email", email});
  auto r = run_khabar(args);
  std::size_t at = r.output.find("http");
  if (r.exit_code != 0 || at == std::string::npos)
    throw std::runtime_error("user add failed: " + r.output);
  std::string link = r.output.substr(at);
  return link.substr(0, link.find('\n'));
}

std::string strong_password(const std::string& seed) {
  // Not the seed itself: a password may not contain the login it belongs to.
  return "Violet tram " + std::to_string(std::hash<std::string>{}(seed) % 100000) +
         " sings under bridges";
}

}  // namespace khabar::test

namespace khabar::test {

AdminClient signed_in_user(int port, const std::filesystem::path& data, const std::string& login,
                           const std::string& role) {
  AdminClient c(port);
  EXPECT_EQ(
      c.set_password(add_user(data, login, role, "Name " + login), strong_password(login)).status,
      303);
  EXPECT_EQ(c.sign_in(login, strong_password(login)).status, 303);
  return c;
}

std::string create_article(AdminClient& c, const Fields& fields) {
  auto r = c.post("/admin/articles/new", fields);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
  std::smatch m;
  std::string location = r.header("location");
  EXPECT_TRUE(std::regex_search(location, m, std::regex("/admin/articles/(\\d+)/edit")))
      << location;
  return m[1].str();
}

}  // namespace khabar::test
