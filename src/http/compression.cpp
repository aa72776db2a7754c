#include "http/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <cstdint>

namespace khabar::http {

namespace {

// A deflate stream per thread and level, reset between uses: setting one up allocates
// and clears ~270 KB, which would cost more than compressing a page.
struct Deflater {
  z_stream z{};
  bool ready = false;
  ~Deflater() {
    if (ready) deflateEnd(&z);
  }
};

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
  thread_local Deflater deflaters[10];
  if (level < 1 || level > 9) level = 6;
  Deflater& d = deflaters[level];
  if (!d.ready) {
    deflateInit2(&d.z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    d.ready = true;
  } else {
    deflateReset(&d.z);
  }
  z_stream& z = d.z;
  std::string out;
  out.resize(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  out.shrink_to_fit();  // the bound is about the input's size: do not keep it
  return out;
}

namespace {

// Raw deflate (no header) of `data`, ending with `flush` (Z_FULL_FLUSH or Z_FINISH).
std::string raw_deflate(std::string_view data, int level, int flush) {
  z_stream z{};
  deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, flush);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

void put_le32(std::string& out, unsigned long v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

unsigned long crc_of(std::string_view data) {
  return crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(data.data()),
               static_cast<uInt>(data.size()));
}

}  // namespace

GzipAround gzip_around(std::string_view prefix, std::string_view suffix, int level) {
  GzipAround g;
  g.head = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  g.head += raw_deflate(prefix, level, Z_FULL_FLUSH);  // ends byte-aligned, not final
  g.tail = raw_deflate(suffix, level, Z_FINISH);       // its own window: no reference back
  g.crc_prefix = crc_of(prefix);
  g.crc_suffix = crc_of(suffix);
  g.prefix_size = prefix.size();
  g.suffix_size = suffix.size();
  return g;
}

void gzip_hole(const GzipAround& g, std::string_view hole, std::string& middle, std::string& end) {
  auto n = static_cast<unsigned>(hole.size());
  middle.clear();
  // A stored block, not final: BFINAL=0, BTYPE=00 and the padding to the byte in one zero
  // byte, then LEN and its complement, little-endian.
  middle += '\0';
  middle += static_cast<char>(n & 0xFF);
  middle += static_cast<char>((n >> 8) & 0xFF);
  middle += static_cast<char>(~n & 0xFF);
  middle += static_cast<char>((~n >> 8) & 0xFF);
  middle.append(hole);
  unsigned long crc =
      crc32_combine(crc32_combine(g.crc_prefix, crc_of(hole), static_cast<z_off_t>(n)),
                    g.crc_suffix, static_cast<z_off_t>(g.suffix_size));
  end.clear();
  put_le32(end, crc);
  put_le32(end, static_cast<unsigned long>(g.prefix_size + n + g.suffix_size));
}

std::optional<std::string> gzip_decompress(std::string_view data, std::size_t max_size) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - z.avail_out);
    if (out.size() > max_size) rc = Z_DATA_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

std::string brotli_compress(std::string_view data, int quality) {
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) size = data.size() + 1024;
  std::string out(size, '\0');
  // A window just big enough for the input: the default (4 MiB) makes the encoder allocate
  // and clear tens of MiB per call, which costs more than compressing a page.
  int window = BROTLI_MIN_WINDOW_BITS;
  while (window < BROTLI_MAX_WINDOW_BITS && (std::size_t{1} << window) - 16 < data.size()) ++window;
  if (!BrotliEncoderCompress(quality, window, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    return {};
  out.resize(size);
  out.shrink_to_fit();
  return out;
}

namespace {

// Whether `value` lists `coding` (or "*") without q=0.
bool accepts_coding(std::string_view value, std::string_view wanted) {
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view item = value.substr(start, comma - start);
    start = comma + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::size_t semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding != wanted && coding != "*") continue;
    if (semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      std::size_t q = params.find("q=");
      if (q != std::string_view::npos) {
        std::string_view qv = params.substr(q + 2);
        bool zero = !qv.empty() && qv[0] == '0';
        for (std::size_t i = 1; zero && i < qv.size() && qv[i] != ' ' && qv[i] != ';'; ++i)
          if (qv[i] != '.' && qv[i] != '0') zero = false;
        if (zero) continue;
      }
    }
    return true;
  }
  return false;
}

}  // namespace

bool accepts_gzip(std::string_view value) { return accepts_coding(value, "gzip"); }
bool accepts_brotli(std::string_view value) { return accepts_coding(value, "br"); }

bool is_compressible(std::string_view type) {
  return type.starts_with("text/") || type.find("json") != std::string_view::npos ||
         type.find("xml") != std::string_view::npos ||
         type.find("javascript") != std::string_view::npos || type.starts_with("image/svg");
}

}  // namespace khabar::http
