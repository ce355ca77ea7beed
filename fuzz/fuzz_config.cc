// The readers of the monitored system's configuration (src/engine/config_values.h): zoo.cfg and
// Hadoop's *-site.xml. The first byte picks the file name (which picks the reader); the rest is
// the file. Problems are warnings; every known key keeps a value with an origin.
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "src/base/reporter.h"
#include "src/engine/config_values.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"zoo.cfg", "core-site.xml", "hdfs-site.xml"};
  std::string name = kNames[data[0] % 3];
  std::string path = fuzz::WriteScratch(name, fuzz::AsView(data + 1, size - 1));
  ConfigValues values;
  Reporter reporter;
  reporter.set_quiet(true);
  values.LoadFile(path, &reporter);
  FUZZ_CHECK(reporter.errors() == 0);
  for (const std::string& key : ConfigValues::KnownNames()) {
    const ConfigValue* value = values.Find(key);
    if (value != nullptr) FUZZ_CHECK(!value->origin.empty());
  }
  return 0;
}
