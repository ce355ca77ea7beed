#include "src/base/text_encoding.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>
#include <string>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

using testing::TempDir;

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

// The whole source, read `piece` bytes at a time.
std::string ReadAll(const std::string& path, size_t piece) {
  std::string err;
  auto source = OpenByteSource(path, &err);
  REQUIRE(source != nullptr);
  std::string all, buf(piece, '\0');
  for (int guard = 0; guard < 1'000'000; ++guard) {
    int64_t got = source->Read(buf.data(), buf.size(), &err);
    REQUIRE(got >= 0);
    if (got == 0) break;
    all.append(buf.data(), static_cast<size_t>(got));
  }
  return all;
}

// `text` (UTF-8, checked by hand: only 1- to 4-byte characters) as UTF-16 code units.
std::string Utf16(std::u16string_view text, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t unit : text) {
    char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    out += big_endian ? std::string{high, low} : std::string{low, high};
  }
  return out;
}

// A ZooKeeper line with characters of every UTF-8 length: é (2), € (3), U+1F600 (4, a pair).
const std::u16string kLine16 =
    u"2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Foo@1] - caf\u00e9 \u20ac \U0001F600\r\n";
const std::string kLine8 =
    "2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Foo@1] - caf\xC3\xA9 \xE2\x82\xAC "
    "\xF0\x9F\x98\x80\r\n";

TEST_CASE("text encoding: UTF-16 with its mark is read as UTF-8, in any piece size") {
  TempDir dir;
  std::u16string many;
  for (int i = 0; i < 5000; ++i) many += kLine16;  // longer than one block of raw bytes
  std::string expected;
  for (int i = 0; i < 5000; ++i) expected += kLine8;
  for (bool big_endian : {false, true}) {
    CAPTURE(big_endian);
    WriteFile(dir.File("u16.log"), Utf16(many, big_endian));
    for (size_t piece : {size_t{1}, size_t{3}, size_t{65536}}) {
      CAPTURE(piece);
      CHECK(ReadAll(dir.File("u16.log"), piece) == expected);
    }
  }
}

TEST_CASE("text encoding: UTF-16 inside gzip") {
  TempDir dir;
  std::string data = Utf16(kLine16, false);
  gzFile gz = gzopen(dir.File("u16.log.gz").c_str(), "wb");
  REQUIRE(gz != nullptr);
  REQUIRE(gzwrite(gz, data.data(), static_cast<unsigned>(data.size())) ==
          static_cast<int>(data.size()));
  REQUIRE(gzclose(gz) == Z_OK);
  CHECK(ReadAll(dir.File("u16.log.gz"), 4096) == kLine8);
}

TEST_CASE("text encoding: broken UTF-16 becomes U+FFFD, nothing is lost or invented") {
  TempDir dir;
  const std::string replacement = "\xEF\xBF\xBD";
  // A lone low surrogate, a high surrogate followed by a letter, a high one at the very end.
  std::u16string broken = u"a";
  broken += char16_t{0xDC00};
  broken += u"b";
  broken += char16_t{0xD800};
  broken += u"c";
  broken += char16_t{0xD83D};
  WriteFile(dir.File("broken.log"), Utf16(broken, false));
  CHECK(ReadAll(dir.File("broken.log"), 1) ==
        "a" + replacement + "b" + replacement + "c" + replacement);
  // An odd byte at the end.
  WriteFile(dir.File("odd.log"), Utf16(u"xy", true) + "\x01");
  CHECK(ReadAll(dir.File("odd.log"), 7) == "xy" + replacement);
}

TEST_CASE("text encoding: a UTF-8 mark is dropped; other data is left as it is") {
  TempDir dir;
  WriteFile(dir.File("bom.log"), "\xEF\xBB\xBF" + kLine8);
  CHECK(ReadAll(dir.File("bom.log"), 2) == kLine8);
  for (const std::string& data :
       {std::string(), std::string("\xEF"), std::string("\xEF\xBB"), std::string("\xFF"),
        std::string("\xEF\xBB\xBE rest"), std::string("ab"), kLine8}) {
    CAPTURE(data);
    WriteFile(dir.File("plain.log"), data);
    CHECK(ReadAll(dir.File("plain.log"), 1) == data);
  }
  // The mark alone: nothing.
  WriteFile(dir.File("mark-only.log"), "\xFF\xFE");
  CHECK(ReadAll(dir.File("mark-only.log"), 5).empty());
}

}  // namespace
}  // namespace faultline
