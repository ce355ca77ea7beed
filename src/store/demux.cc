#include "src/store/demux.h"

#include <map>

#include "parsers/continuation.h"
#include "parsers/detect.h"
#include "parsers/registry.h"
#include "parsers/wrapper.h"

namespace faultline {
namespace {

// Beyond this many segments, lines join the latest segment of their key instead (and are then
// counted out of order), so a pathological input cannot exhaust file descriptors.
constexpr size_t kMaxSegments = 256;

struct OpenSegment {
  size_t index;        // into the result's segments
  int64_t last_local;  // latest header time written to it
  std::unique_ptr<SpoolWriter> writer;
};

}  // namespace

DemuxResult Demultiplex(LineInput* input, int64_t window_us) {
  DemuxResult result;
  std::vector<OpenSegment> open;                                   // parallel to result.segments
  std::map<std::pair<std::string, const Parser*>, size_t> latest;  // key -> open index
  // Per service, the segment of the last header: continuation lines follow it.
  std::map<std::string, size_t, std::less<>> current;

  auto new_segment = [&](const Parser* parser, std::string_view service) {
    Segment segment;
    segment.parser = parser;
    segment.service = std::string(service);
    segment.ordinal = static_cast<int>(result.segments.size()) + 1;
    result.segments.push_back(std::move(segment));
    open.push_back({result.segments.size() - 1, kNoInstant, std::make_unique<SpoolWriter>()});
    latest[{std::string(service), parser}] = open.size() - 1;
    return open.size() - 1;
  };

  YearHint year = YearHintForPath(nullptr);
  std::string_view line;
  int64_t number = 0;
  while (input->Next(&line, &number)) {
    std::string_view service;
    StripComposePrefix(&line, &service);
    if (!line.empty() && line[0] == '-' && ReadJournalHeader(line, &year)) {
      result.journal_year = year;
    }
    line = TrimLeadingSpaces(line);
    Header header;
    Miss miss;
    const Parser* parser = nullptr;
    bool continuation = false;
    // A wrapped line (docker --timestamps, journald, ...) is placed by the line inside, which the
    // segment's source reads again; one whose inner line nothing reads is placed whole.
    Wrapper wrapper;
    if (StripWrapper(line, year, &wrapper)) {
      bool weak_taken = wrapper.weak() && DetectLine(line, &header) != nullptr;
      if (!weak_taken) {
        parser = DetectLine(wrapper.inner, &header);
        if (parser != nullptr && header.local == kNoInstant) {
          if (wrapper.weak()) parser = nullptr;  // believed only with a time of its own
          header.local = wrapper.local;
        }
        // A continuation, or a header without a time inside, stays with the record before it.
        continuation =
            parser == nullptr &&
            (IsContinuationLine(wrapper.inner) ||
             (!wrapper.weak() && TimelessLogParser().ParseHeader(wrapper.inner, &header, &miss)));
        if (parser == nullptr && !continuation &&
            GenericLogParser().ParseHeader(wrapper.inner, &header, &miss)) {
          parser = &GenericLogParser();
        }
      }
    }
    if (parser == nullptr && !continuation) {
      parser = DetectLine(line, &header);
      if (parser == nullptr && !IsContinuationLine(line) &&
          GenericLogParser().ParseHeader(line, &header, &miss)) {
        parser = &GenericLogParser();
      }
    }
    size_t target;
    if (parser != nullptr) {
      auto it = latest.find({std::string(service), parser});
      bool backwards = it != latest.end() && header.local != kNoInstant &&
                       open[it->second].last_local != kNoInstant &&
                       header.local < open[it->second].last_local - window_us;
      if (it == latest.end() || (backwards && result.segments.size() < kMaxSegments)) {
        target = new_segment(parser, service);
      } else {
        target = it->second;
      }
      if (header.local != kNoInstant && header.local > open[target].last_local) {
        open[target].last_local = header.local;
      }
    } else if (auto cur = current.find(service); cur != current.end()) {
      target = cur->second;  // continuation or unparsed line: stays with the record before it
    } else {
      auto it = latest.find({std::string(service), nullptr});
      target = it != latest.end() ? it->second : new_segment(nullptr, service);
    }
    current[std::string(service)] = target;
    if (!open[target].writer->ok()) {
      result.error = "cannot create a temporary file to sort standard input";
      break;
    }
    open[target].writer->Append(number, line);
    std::vector<std::string>& head = result.segments[open[target].index].head;
    if (head.size() < static_cast<size_t>(kDetectLines)) head.emplace_back(line);
  }
  if (result.error.empty()) result.error = input->error();
  for (size_t i = 0; i < open.size(); ++i) {
    if (!open[i].writer->ok()) continue;
    result.segments[i].lines = open[i].writer->lines();
    result.segments[i].input = std::make_unique<SpoolInput>(open[i].writer->Release());
  }
  return result;
}

}  // namespace faultline
