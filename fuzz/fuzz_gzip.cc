// Input bytes as faultline reads them (src/base/byte_source.h, src/base/line_reader.h): plain or
// gzip, recognised by the magic bytes. The first byte is a mode: bit 0 gzips the rest first
// (so valid streams of any content are read, not only corrupt ones), bit 1 resumes at an offset
// as a cron scan does. Truncated, corrupt or concatenated streams must end with an error or
// the end, never a crash; offsets only grow and lines fit the cap (1 KiB here). UTF-16 and
// byte-order-marked text is decoded on the way (src/base/text_encoding.h).
#include <zlib.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "src/base/byte_source.h"
#include "src/base/line_reader.h"

using namespace faultline;

namespace {

std::string Gzip(std::string_view text) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    std::abort();
  std::string out(deflateBound(&z, text.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

// The smallest line cap (FAULTLINE_MAX_LINE_BYTES), so that inputs of a few KiB reach the
// code that cuts over-long lines and skips their rest.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("FAULTLINE_MAX_LINE_BYTES", "1024", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t mode = data[0];
  std::string_view rest = fuzz::AsView(data + 1, size - 1);
  std::string bytes = (mode & 1) != 0 ? Gzip(rest) : std::string(rest);
  std::string path = fuzz::WriteScratch("input.log", bytes);
  std::string err;
  std::unique_ptr<ByteSource> source = OpenByteSource(path, &err);
  FUZZ_CHECK(source != nullptr);
  LineReader reader(std::move(source));
  int64_t start = 0;
  if ((mode & 2) != 0) {
    start = (mode >> 2) % (rest.size() + 1);
    if (!reader.SkipTo(start, 1)) {
      FUZZ_CHECK(!reader.error().empty());
      return 0;
    }
  } else {
    reader.LooksBinary();
  }
  std::string_view line;
  int64_t last_offset = start, last_number = reader.line_number();
  while (reader.Next(&line)) {
    FUZZ_CHECK(line.size() <= LineReader::MaxLineBytes());
    FUZZ_CHECK(LineReader::MaxLineBytes() == 1024);
    FUZZ_CHECK(reader.offset() > last_offset);
    FUZZ_CHECK(reader.line_number() == last_number + 1);
    last_offset = reader.offset();
    last_number = reader.line_number();
  }
  // A whole valid stream is read to its last byte. Offsets count decoded UTF-8, so the sum is the
  // input's size only without a byte order mark (src/base/text_encoding.h); a UTF-8 mark is
  // three bytes dropped, UTF-16 changes the count.
  bool utf8_mark = rest.starts_with("\xEF\xBB\xBF");
  bool utf16_mark = rest.starts_with("\xFF\xFE") || rest.starts_with("\xFE\xFF");
  if ((mode & 1) != 0 && reader.error().empty() && (mode & 2) == 0 && !utf16_mark)
    FUZZ_CHECK(static_cast<size_t>(reader.offset()) == rest.size() - (utf8_mark ? 3 : 0));
  return 0;
}
