#include "search/normalize.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace khabar::search {
namespace {

const icu::Normalizer2& normalizer(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* n = get(error);
  if (U_FAILURE(error) || !n) throw std::runtime_error("ICU normalisation data is missing");
  return *n;
}
const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2& n = normalizer(&icu::Normalizer2::getNFKCCasefoldInstance);
  return n;
}
const icu::Normalizer2& nfd() {
  static const icu::Normalizer2& n = normalizer(&icu::Normalizer2::getNFDInstance);
  return n;
}
const icu::Normalizer2& nfc() {
  static const icu::Normalizer2& n = normalizer(&icu::Normalizer2::getNFCInstance);
  return n;
}

bool is_arabic_script(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF);
}

constexpr UChar32 kAlef = 0x0627, kKeheh = 0x06A9, kFarsiYeh = 0x06CC, kHeh = 0x0647;
constexpr UChar32 kHah = 0x062D, kHamzaAbove = 0x0654, kSmallHighThreeDots = 0x06DB;

// An Arabic-script letter's strict form; 0 to drop it.
UChar32 strict_arabic(UChar32 c) {
  switch (c) {
    case 0x0640:  // tatweel
      return 0;
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return kAlef;
    case 0x0643:  // ك
      return kKeheh;
    case 0x064A:  // ي
    case 0x0649:  // ى
      return kFarsiYeh;
    case 0x0629:  // ة
    case 0x06C0:  // ۀ
    case 0x06C1:  // ہ
    case 0x06C2:  // ۂ
    case 0x06D5:  // ە
      return kHeh;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // ٠-٩
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // ۰-۹
  if (u_charType(c) == U_NON_SPACING_MARK) return 0;          // harakat, hamza above...
  return c;
}

UChar32 loose_arabic(UChar32 c) {
  switch (c) {
    case 0x06AB:  // ګ
      return 0x06AF;
    case 0x069A:  // ښ
      return 0x0634;
    default:
      return c;
  }
}

bool word_final_yeh(UChar32 c) { return c == 0x06D0 || c == 0x06CD || c == 0x0626; }  // ې ۍ ئ

// Zero-width characters NFKC_Casefold may keep in some contexts: dropped.
bool zero_width(UChar32 c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF; }

// Whether a folded word is English-like: Latin letters, with apostrophes between them.
bool latin_word(const std::string& w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z')
      letter = true;
    else if (c != '\'')
      return false;
  }
  return letter;
}

// The English stem of a folded Latin word (one Snowball stemmer per thread: they are not
// thread-safe).
std::string english_stem(const std::string& w) {
  struct Stemmer {
    sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() { sb_stemmer_delete(s); }
  };
  thread_local Stemmer stemmer;
  if (!stemmer.s) return w;
  const sb_symbol* stem = sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol*>(w.data()),
                                          static_cast<int>(w.size()));
  if (!stem) return w;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer.s)));
}

bool ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Folding a word of ASCII letters, digits and marks is lower-casing it (NFKC, case
// folding and both levels agree there): most words of an English text take this path.
std::string fold_ascii(std::string_view word, bool stem) {
  std::string w(word);
  for (char& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return stem && latin_word(w) ? english_stem(w) : w;
}

}  // namespace

std::string fold(std::string_view word, Fold level, bool stem) {
  if (ascii(word)) return fold_ascii(word, stem);
  UErrorCode error = U_ZERO_ERROR;
  icu::UnicodeString in =
      nfkc_casefold().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                    word.data(), static_cast<int32_t>(word.size()))),
                                error);
  if (U_FAILURE(error)) return {};
  if (level == Fold::Loose) {
    // Sequences some keyboards type for one Pashto letter (before marks are dropped).
    auto pair = [](UChar32 a, UChar32 b) { return icu::UnicodeString().append(a).append(b); };
    in.findAndReplace(pair(kHah, kHamzaAbove), icu::UnicodeString(UChar32{0x0681}));          // ځ
    in.findAndReplace(pair(kHah, kSmallHighThreeDots), icu::UnicodeString(UChar32{0x0685}));  // څ
    in.findAndReplace(pair(kFarsiYeh, kHamzaAbove), icu::UnicodeString(UChar32{0x0626}));     // ئ
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (zero_width(c)) continue;
    if (is_arabic_script(c)) {
      UChar32 f = strict_arabic(c);
      if (f && level == Fold::Loose) f = loose_arabic(f);
      if (f) out.append(f);
      continue;
    }
    // Other scripts: decomposed, without their combining marks (Bâmiyân -> bamiyan).
    icu::UnicodeString parts = nfd().normalize(icu::UnicodeString(c), error);
    for (int32_t k = 0; k < parts.length(); k = parts.moveIndex32(k, 1)) {
      UChar32 p = parts.char32At(k);
      if (u_charType(p) != U_NON_SPACING_MARK) out.append(p);
    }
  }
  if (level == Fold::Loose && out.length() > 0) {
    int32_t last = out.moveIndex32(out.length(), -1);
    if (word_final_yeh(out.char32At(last))) out.replace(last, out.length() - last, kFarsiYeh);
  }
  out = nfc().normalize(out, error);
  std::string utf8;
  if (U_SUCCESS(error)) out.toUTF8String(utf8);
  return stem && latin_word(utf8) ? english_stem(utf8) : utf8;
}

bool looks_pashto(std::string_view word) {
  // Every letter only Pashto writes is in U+0600-U+06FF, two bytes in UTF-8 led by D9-DB:
  // a word without such a byte is decided without ICU.
  if (std::none_of(word.begin(), word.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b >= 0xD9 && b <= 0xDB;
      }))
    return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    switch (u.char32At(i)) {
      case 0x067C:  // ټ
      case 0x0689:  // ډ
      case 0x0693:  // ړ
      case 0x0696:  // ږ
      case 0x069A:  // ښ
      case 0x06AB:  // ګ
      case 0x06BC:  // ڼ
      case 0x0681:  // ځ
      case 0x0685:  // څ
      case 0x06D0:  // ې
      case 0x06CD:  // ۍ
        return true;
      default:
        break;
    }
  }
  return false;
}

std::vector<std::pair<std::size_t, std::size_t>> word_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (text.empty()) return out;
  UErrorCode error = U_ZERO_ERROR;
  // One word iterator per thread, given each text in turn (making one costs more than
  // most texts take to split).
  thread_local std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), error));
  if (!breaks || U_FAILURE(error)) throw std::runtime_error("ICU word break data is missing");
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &error);
  if (U_FAILURE(error)) return out;
  breaks->setText(ut, error);
  if (U_SUCCESS(error)) {
    int32_t start = breaks->first();
    for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE;
         start = end, end = breaks->next()) {
      if (breaks->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
      out.emplace_back(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
    }
  }
  // The iterator must not keep pointing at this text.
  breaks->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

std::vector<Word> words(std::string_view text) {
  std::vector<Word> out;
  for (auto [begin, end] : word_spans(text)) {
    std::string_view piece = text.substr(begin, end - begin);
    Word w;
    w.begin = begin;
    w.end = end;
    w.strict = fold(piece, Fold::Strict);
    bool latin = ascii(piece);
    w.loose = latin ? w.strict : fold(piece, Fold::Loose);
    w.pashto = !latin && looks_pashto(piece);
    if (!w.strict.empty()) out.push_back(std::move(w));
  }
  return out;
}

}  // namespace khabar::search
