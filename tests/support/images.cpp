#include "support/images.h"

#include <vips/vips.h>

#include <fstream>
#include <stdexcept>

#include "support/tool.h"

namespace khabar::test {

std::string make_image(int w, int h, const char* format) {
  if (VIPS_INIT("khabar-tests") != 0) throw std::runtime_error("libvips");
  VipsImage* black = nullptr;
  vips_black(&black, w, h, "bands", 3, nullptr);
  VipsImage* grey = nullptr;
  vips_linear1(black, &grey, 1.0, 128.0, nullptr);
  void* buf = nullptr;
  size_t len = 0;
  vips_image_write_to_buffer(grey, format, &buf, &len, nullptr);
  std::string out(static_cast<char*>(buf), len);
  g_free(buf);
  g_object_unref(grey);
  g_object_unref(black);
  return out;
}

std::string exiftool(const std::string& arguments) {
  return run_tool("exiftool " + arguments + " 2>&1").output;
}

void write_jpeg_with_location(const std::filesystem::path& path, int w, int h) {
  std::ofstream(path, std::ios::binary) << make_image(w, h);
  std::string out = exiftool(
      "-overwrite_original -n -GPSLatitude=34.5553 -GPSLatitudeRef=N -GPSLongitude=69.2075 "
      "-GPSLongitudeRef=E -Make=Khabar -Model=TestCam -Orientation=6 -XMP-dc:Creator=Reporter "
      "-IPTC:City=Kabul -Comment=secret-location '" +
      path.string() + "'");
  if (out.find("1 image files updated") == std::string::npos)
    throw std::runtime_error("exiftool did not write the test metadata: " + out);
}

}  // namespace khabar::test
