// One input end to end as the reading commands see it (src/store/source_set.h): the file is
// opened, sniffed for gzip and binary data, its layout detected, and its records assembled,
// stamped and reordered (src/store/parsed_source.h). Every record's fields must be views inside
// its text, and a source's counts must be consistent.
#include <memory>
#include <string>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "src/base/reporter.h"
#include "src/store/source_set.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = fuzz::WriteScratch("zookeeper.log", fuzz::AsView(data, size));
  InputFile input;
  input.path = path;
  OpenOptions options;
  Reporter reporter;
  reporter.set_quiet(true);
  SourceSet set = OpenSources({input}, options, &reporter);
  int64_t records = 0;
  for (const std::unique_ptr<ParsedSource>& source : set.sources) {
    while (Record* record = source->Next()) {
      for (Span span : {record->thread, record->logger, record->message})
        FUZZ_CHECK(static_cast<size_t>(span.offset) + span.length <= record->text.size());
      FUZZ_CHECK(record->line >= 1);
      ++records;
      source->Release(record);
    }
  }
  ReportReadProblems(set, &reporter);
  for (const std::unique_ptr<SourceInfo>& info : set.infos) {
    FUZZ_CHECK(info->records <= info->lines);
    FUZZ_CHECK(info->lines >= 0 && info->unparsed >= 0 && info->out_of_order >= 0);
    FUZZ_CHECK(info->unplaceable <= info->records);
  }
  return 0;
}
