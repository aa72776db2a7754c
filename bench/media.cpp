// bench/media: what an upload costs the server, by part — cleaning the original
// (metadata removed, upright), the width variants of the srcset, and the three crops
// for cards and structured data (issue 17) — on a 12-megapixel phone photo (4000 x 3000
// JPEG of noise on a gradient: no easier to compress than a real one). The crops' cost
// is read against the rest of the upload, measured in the same run.
//
//   build-release/bench/bench_media
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <vips/vips.h>

#include <filesystem>
#include <stdexcept>

#include "media/image.h"
#include "media/library.h"

namespace {

using namespace khabar;

std::string photo(int w, int h) {
  if (VIPS_INIT("khabar-bench") != 0) throw std::runtime_error("libvips");
  VipsImage *noise = nullptr, *ramp = nullptr, *sum = nullptr, *rgb = nullptr, *bytes = nullptr;
  vips_gaussnoise(&noise, w, h, "mean", 0.0, "sigma", 25.0, nullptr);
  vips_xyz(&ramp, w, h, nullptr);  // two bands: x and y
  VipsImage* x = nullptr;
  vips_extract_band(ramp, &x, 0, nullptr);
  VipsImage* scaled = nullptr;
  vips_linear1(x, &scaled, 200.0 / w, 28.0, nullptr);
  vips_add(scaled, noise, &sum, nullptr);
  VipsImage* bands[3] = {sum, noise, scaled};
  vips_bandjoin(bands, &rgb, 3, nullptr);
  vips_cast_uchar(rgb, &bytes, nullptr);
  void* buf = nullptr;
  size_t len = 0;
  if (vips_jpegsave_buffer(bytes, &buf, &len, "Q", 90, nullptr) != 0)
    throw std::runtime_error("jpeg");
  std::string out(static_cast<char*>(buf), len);
  g_free(buf);
  for (VipsImage* i : {noise, ramp, sum, rgb, bytes, x, scaled}) g_object_unref(i);
  return out;
}

const std::string& original() {
  static const std::string clean = [] {
    std::string error;
    auto stripped = media::strip_metadata(photo(4000, 3000), &error);
    if (!stripped) throw std::runtime_error(error);
    return stripped->bytes;
  }();
  return clean;
}

void BM_WholeUpload(benchmark::State& state) {
  auto dir =
      std::filesystem::temp_directory_path() / ("khabar-bench-media-" + std::to_string(::getpid()));
  for (auto _ : state) {
    std::vector<std::filesystem::path> written;
    std::string error;
    auto saved = media::save_image(original(), dir, "2026/12", written, &error);
    if (!saved) state.SkipWithError(error.c_str());
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_WholeUpload)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_CleanOriginal(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    benchmark::DoNotOptimize(media::strip_metadata(original(), &error));
  }
}
BENCHMARK(BM_CleanOriginal)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Variants(benchmark::State& state) {
  for (auto _ : state)
    for (int width : media::kVariantWidths)
      for (auto type : {media::ImageType::Webp, media::ImageType::Jpeg}) {
        std::string error;
        benchmark::DoNotOptimize(media::resized(original(), width, type, &error));
      }
}
BENCHMARK(BM_Variants)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Crops(benchmark::State& state) {
  for (auto _ : state)
    for (auto r : media::kCropRatios) {
      auto [w, h] = media::crop_size(4000, 3000, r);
      std::string error;
      benchmark::DoNotOptimize(media::cropped(original(), w, h, media::ImageType::Jpeg, &error));
    }
}
BENCHMARK(BM_Crops)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
