#include "news_text.h"

#include <set>

namespace khabar::bench {
namespace {

constexpr const char* kEnglish[] = {"the",
                                    "of",
                                    "and",
                                    "in",
                                    "to",
                                    "a",
                                    "said",
                                    "on",
                                    "for",
                                    "with",
                                    "was",
                                    "is",
                                    "by",
                                    "from",
                                    "at",
                                    "that",
                                    "it",
                                    "as",
                                    "were",
                                    "has",
                                    "have",
                                    "are",
                                    "after",
                                    "an",
                                    "their",
                                    "more",
                                    "than",
                                    "its",
                                    "over",
                                    "who",
                                    "will",
                                    "but",
                                    "they",
                                    "been",
                                    "two",
                                    "three",
                                    "year",
                                    "new",
                                    "last",
                                    "week",
                                    "province",
                                    "council",
                                    "market",
                                    "water",
                                    "school",
                                    "road",
                                    "winter",
                                    "harvest",
                                    "clinic",
                                    "teachers",
                                    "traders",
                                    "prices",
                                    "river",
                                    "bridge",
                                    "village",
                                    "court",
                                    "students",
                                    "doctors",
                                    "farmers",
                                    "weather",
                                    "election",
                                    "elections",
                                    "festival",
                                    "library",
                                    "workers",
                                    "women",
                                    "children",
                                    "youth",
                                    "budget",
                                    "exports",
                                    "imports",
                                    "border",
                                    "railway",
                                    "government",
                                    "minister",
                                    "ministry",
                                    "officials",
                                    "police",
                                    "security",
                                    "people",
                                    "city",
                                    "capital",
                                    "district",
                                    "governor",
                                    "president",
                                    "parliament",
                                    "talks",
                                    "agreement",
                                    "project",
                                    "build",
                                    "opened",
                                    "closed",
                                    "report",
                                    "reported",
                                    "reporting",
                                    "reporters",
                                    "families",
                                    "homes",
                                    "floods",
                                    "drought",
                                    "snow",
                                    "rain",
                                    "earthquake",
                                    "aid",
                                    "health",
                                    "hospital",
                                    "patients",
                                    "vaccine",
                                    "wheat",
                                    "pomegranates",
                                    "saffron",
                                    "cotton",
                                    "electricity",
                                    "power",
                                    "fuel",
                                    "gas",
                                    "trade",
                                    "trucks",
                                    "cricket",
                                    "football",
                                    "team",
                                    "match",
                                    "stadium",
                                    "players",
                                    "culture",
                                    "music",
                                    "film",
                                    "books",
                                    "radio",
                                    "television",
                                    "journalists",
                                    "newspaper",
                                    "peace",
                                    "refugees",
                                    "returned",
                                    "returning",
                                    "international",
                                    "country",
                                    "region",
                                    "east",
                                    "west",
                                    "north",
                                    "south",
                                    "Kabul",
                                    "Herat",
                                    "Kandahar",
                                    "Nangarhar",
                                    "Balkh",
                                    "Kunar",
                                    "Paktia",
                                    "Khost",
                                    "Laghman",
                                    "Bamiyan",
                                    "Ghazni",
                                    "Jalalabad",
                                    "Mazar",
                                    "month",
                                    "day",
                                    "today",
                                    "yesterday",
                                    "large",
                                    "small",
                                    "old",
                                    "good",
                                    "many",
                                    "few",
                                    "number",
                                    "percent",
                                    "million",
                                    "thousand",
                                    "afghanis",
                                    "dollars",
                                    "meeting",
                                    "plan",
                                    "plans",
                                    "planned",
                                    "water",
                                    "irrigation",
                                    "canal",
                                    "wells",
                                    "dam",
                                    "solar",
                                    "panels",
                                    "schools",
                                    "universities",
                                    "exams",
                                    "results",
                                    "teachers",
                                    "salaries",
                                    "protest",
                                    "strike",
                                    "ceasefire",
                                    "delegation",
                                    "visit",
                                    "announced",
                                    "promised",
                                    "warned",
                                    "expected",
                                    "according",
                                    "local",
                                    "residents"};

constexpr const char* kPashto[] = {
    "د",       "په",       "او",      "کې",      "ته",      "له",        "سره",      "چې",
    "دا",      "هغه",      "یو",      "دوه",     "درې",     "دي",        "ده",       "وو",
    "شو",      "شوي",      "کړي",     "وايي",    "وویل",    "افغانستان", "کابل",     "ولایت",
    "حکومت",   "خلک",      "ښار",     "کلي",     "ښوونځی",  "روغتون",    "اوبه",     "بازار",
    "بیه",     "ژمی",      "باران",   "واوره",   "سړک",     "پل",        "کرنه",     "بزګر",
    "سوداګر",  "ښوونکي",   "ډاکټر",   "ناروغ",   "ماشومان", "ښځې",       "ځوانان",   "ټاکنې",
    "بودجه",   "صادرات",   "واردات",  "پوله",    "اورګاډی", "سیند",      "محکمه",    "شورا",
    "وزارت",   "رییس",     "وزیر",    "ولسمشر",  "ناسته",   "خبرې",      "هوکړه",    "پروژه",
    "جوړول",   "پرانیستل", "مرسته",   "کار",     "کارګران", "کورنۍ",     "ودانۍ",    "برېښنا",
    "ګاز",     "تېل",      "غنم",     "انار",    "مڼې",     "کرکټ",      "فوټبال",   "لوبډله",
    "لوبغالی", "جشن",      "فرهنګ",   "کتابتون", "کتاب",    "راډیو",     "تلویزیون", "خبریال",
    "ورځپاڼه", "امنیت",    "پولیس",   "سوله",    "جګړه",    "کډوال",     "بېرته",    "نړیوال",
    "هېواد",   "سیمه",     "ختیځ",    "لوېدیځ",  "شمال",    "سوېل",      "ننګرهار",  "کندهار",
    "هرات",    "بلخ",      "کونړ",    "پکتیا",   "خوست",    "لغمان",     "بامیان",   "غزني",
    "میاشت",   "کال",      "اونۍ",    "ورځ",     "نن",      "پرون",      "لوی",      "کوچنی",
    "نوی",     "زوړ",      "ښه",      "ډېر",     "لږ",      "شمېر",      "سلنه",     "میلیونه",
    "زره",     "افغانۍ",   "ډالر",    "لګښت",    "کرهڼه",   "کانال",     "څاګانې",   "بند",
    "لمریز",   "پوهنتون",  "ازموینې", "معاشونه", "لاریون",  "اوربند",    "پلاوی",    "لیدنه",
    "اعلان",   "ژمنه",     "خبرداری"};

constexpr const char* kOnsets[] = {"b", "d", "f", "g", "h", "j", "k",  "l",  "m",  "n", "p",
                                   "r", "s", "t", "v", "w", "z", "sh", "kh", "gh", "zh"};
constexpr const char* kVowels[] = {"a", "e", "i", "o", "u", "aa", "ai"};
constexpr const char* kCodas[] = {"", "", "n", "r", "l", "m", "d", "z", "b", "k"};
constexpr const char* kPashtoLetters[] = {"ب", "پ", "ت", "ټ", "ج", "چ", "ح", "خ", "څ", "ځ", "د",
                                          "ډ", "ر", "ړ", "ز", "ږ", "س", "ش", "ښ", "غ", "ف", "ق",
                                          "ک", "ګ", "ل", "م", "ن", "ڼ", "و", "ه", "ی"};
constexpr const char* kPashtoVowels[] = {"ا", "و", "ی", "", "", "ې"};

// Zipf's law: the word of rank r is drawn with weight 1 / (r + 2).
std::discrete_distribution<std::size_t> zipf(std::size_t n) {
  std::vector<double> weights(n);
  for (std::size_t r = 0; r < n; ++r) weights[r] = 1.0 / static_cast<double>(r + 2);
  return std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

}  // namespace

NewsText::NewsText(unsigned seed) : rng_(seed) {
  std::set<std::string> seen;
  for (const char* w : kEnglish)
    if (seen.insert(w).second) en_.words.push_back(w);
  while (en_.words.size() < 30000) {
    std::string name;
    int syllables = 2 + static_cast<int>(rng_() % 2);
    for (int s = 0; s < syllables; ++s)
      name += std::string(kOnsets[rng_() % std::size(kOnsets)]) +
              kVowels[rng_() % std::size(kVowels)] + kCodas[rng_() % std::size(kCodas)];
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    if (seen.insert(name).second) en_.words.push_back(name);
  }
  for (const char* w : kPashto)
    if (seen.insert(w).second) ps_.words.push_back(w);
  while (ps_.words.size() < 20000) {
    std::string name;
    int syllables = 2 + static_cast<int>(rng_() % 2);
    for (int s = 0; s < syllables; ++s)
      name += std::string(kPashtoLetters[rng_() % std::size(kPashtoLetters)]) +
              kPashtoVowels[rng_() % std::size(kPashtoVowels)];
    if (seen.insert(name).second) ps_.words.push_back(name);
  }
  en_.pick = zipf(en_.words.size());
  ps_.pick = zipf(ps_.words.size());
}

NewsText::Language& NewsText::of(const std::string& language) {
  return language == "ps" ? ps_ : en_;
}
const NewsText::Language& NewsText::of(const std::string& language) const {
  return language == "ps" ? ps_ : en_;
}

const std::string& NewsText::word(const std::string& language, std::size_t rank) const {
  const auto& words = of(language).words;
  return words[rank % words.size()];
}

std::size_t NewsText::vocabulary(const std::string& language) const {
  return of(language).words.size();
}

std::string NewsText::variant_spelling(const std::string& word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    auto is = [&](const char* s) { return word.compare(i, 2, s) == 0; };
    if (is("ی")) {
      out += "ي";
    } else if (is("ک")) {
      out += "ك";
    } else if (is("ګ")) {
      out += "گ";
    } else {
      out += word.substr(i, 1);
      i += 1;
      continue;
    }
    i += 2;
  }
  return out;
}

std::string NewsText::sentence(const std::string& language, int words) {
  Language& l = of(language);
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += ' ';
    std::string w = l.words[l.pick(rng_)];
    if (language == "ps" && rng_() % 10 == 0) w = variant_spelling(w);
    if (i == 0 && language != "ps" && w[0] >= 'a' && w[0] <= 'z')
      w[0] = static_cast<char>(w[0] - 'a' + 'A');
    s += w;
  }
  return s + (language == "ps" ? "." : ".");
}

}  // namespace khabar::bench
