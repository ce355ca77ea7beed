// One source's records in time order: assembles header and continuation lines into records,
// stamps them in UTC, and passes them through a small reorder window so that lines which go
// backwards a little inside one file still come out in the right place.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "parsers/parser.h"
#include "parsers/wrapper.h"
#include "src/base/record.h"
#include "src/store/line_input.h"
#include "src/store/record_window.h"
#include "src/store/source_identity.h"
#include "src/store/source_info.h"
#include "src/time/clock.h"

namespace faultline {

struct WindowSettings {
  int64_t span_us = 2'000'000;  ///< how far back a line may go and still be placed in order
  size_t max_records = 4096;    ///< bound on records held, whatever the span
  /// Cron mode: how far back the next run must re-read (0: no resume points are kept).
  int64_t replay_span_us = 0;
};

/// Order-only time. A source none of whose records has a time (an excerpt pasted without
/// timestamps) gets synthetic instants in line order, so that windows of a few seconds hold it
/// and the rule engine, which skips records without an instant, can match it: the record that
/// starts on line N is at kOrderOnlyBase + N × kOrderOnlyStep (1970-01-01T00:00:00.001Z for
/// line 1, 1 ms per line), flagged kOrderOnly and counted in SourceInfo::order_only. The source's
/// first records are held until one with a time appears (then they keep today's behaviour: no
/// instant before the first timed record, the previous record's time after it), the input ends,
/// or the window's record bound is reached; in the last two cases the source is order-only,
/// unparsed lines included (a message quoted without its time is still evidence in order).
inline constexpr int64_t kOrderOnlyBase = 0;
inline constexpr int64_t kOrderOnlyStep = 1000;

/// Cron mode: sets info->replay_offset/line to the latest resume point at or before
/// `from_instant` (the first one if none is that early; the end if there are none).
void ChooseResumePoint(SourceInfo* info, int64_t from_instant);

/// Wrapped lines (parsers/wrapper.h: docker, docker-desktop, journald, syslog) are read by the
/// line inside: its header, its continuation, its own time and zone when it has one, else the
/// wrapper's time (a real time, not inherited). A journald or syslog host names the source when
/// its path names no host better (the name is only the file's stem).
class ParsedSource {
 public:
  /// `parser` may be nullptr (unrecognised input: lines become unparsed records, except those
  /// the generic fallback understands). `info` must outlive the source.
  ParsedSource(std::unique_ptr<LineInput> input, const Parser* parser, SourceInfo* info,
               int32_t index, SourceClock clock, WindowSettings window);

  /// The next record, or nullptr at the end. Valid until Release().
  Record* Next();
  /// Returns a record from Next() for reuse. Inline: the merger hands every record back.
  void Release(Record* record) {
    if (record->text.capacity() > kShrinkAbove) std::string().swap(record->text);
    free_.push_back(record);
  }
  const SourceInfo& info() const { return *info_; }

 private:
  /// A released record whose text grew beyond this gives its memory back.
  static constexpr size_t kShrinkAbove = 1 << 20;

  // The steps of a usual line, from ReadLine down, are inline (always_inline in the .cc, where
  // alone they are called): five calls a line, their register saves and arguments, were about 8%
  // of reading one.
  inline void ReadLine(std::string_view line, int64_t number);
  inline void ReadUnwrapped(std::string_view line, int64_t number, const Wrapper* weak);
  void ReadWrapped(const Wrapper& wrapper, std::string_view line, int64_t number);
  bool ReadWeaklyWrapped(const Wrapper& wrapper, int64_t number);
  void AppendContinuation(std::string_view line);
  /// Appends a line to the open record's message (see message_wrapped_).
  void AppendToMessage(std::string_view line);
  /// The open record is a header whose message is empty.
  bool OpenMessageBlank() const;
  /// After a header with no message, a line indented by blanks is that message (.NET's console
  /// logger: "info: Category[0]", then the message indented by six): appended as such, true.
  bool MessageIndented(std::string_view line);
  void NoteWrapperHost(const Wrapper& wrapper);
  Record* Acquire();
  inline Component RecordComponent(const Header& header, const Parser& parser) const;
  inline void StartRecord(std::string_view line, int64_t number, const Header& header,
                          const Parser& parser);
  inline void Finish();  // moves the open record into the window
  inline void TakeTime(Record* r, const Header& header);
  void TimeHeldRecords(int64_t instant);  ///< the records held before the first timed one
  void EndHold();  // no timed record among the first: the source is order-only
  bool Releasable() const;
  Record* PopWindow();

  std::unique_ptr<LineInput> input_;
  ReaderInput* reader_input_;  ///< input_ when it is a file's (nearly always): called directly
  const Parser* parser_;
  Component parser_component_;  ///< parser_->DefaultComponent(), asked once (a virtual call)
  const Parser* block_parser_ = nullptr;  ///< the last other layout a line was read with
  SourceInfo* info_;
  int32_t index_;
  SourceClock clock_;
  WindowSettings window_;
  bool eof_ = false;
  mutable ContentComponentCache component_cache_;  // RecordComponent's per-logger verdicts
  // The wrapper StripWrapper fills, kept default between lines rather than built for each: it
  // touches it only when a line has one (most have not).
  Wrapper wrapper_;

  Record* open_ = nullptr;        // the record whose continuation lines may still follow
  bool message_wrapped_ = false;  // open_'s message is the lines after its header
  // Finished records not yet handed out, sorted by (instant, line). Logs are nearly in order,
  // so a record almost always goes at the back; the rare earlier one is inserted in place.
  RecordWindow window_records_;
  std::vector<std::unique_ptr<Record>> owned_;
  std::vector<Record*> free_;
  int64_t newest_ = kNoInstant;            // latest instant read so far
  int64_t previous_instant_ = kNoInstant;  // instant of the record before, in file order
  int64_t dated_local_ = kNoInstant;       // wall-clock time of the last record with a full date
  int64_t last_released_ = kNoInstant;
  bool timed_seen_ = false;  // a record with a time of its own was read
  bool order_only_ = false;  // the source has no time: records get order-only instants
  YearHint year_hint_;       // for syslog times without a year, read when first needed
  bool year_hint_set_ = false;
  bool year_from_journal_ = false;  // year_hint_ is a journal header's: syslog years are known
  bool date_from_file_ = false;     // the dates of times of day come from year_hint_'s date
  bool host_checked_ = false;       // a wrapper's host was considered for the source
  bool copied_from_ui_;  // most lines are in a UI's copy wrapper: unwrap without a parser
  // Resume points for cron mode: (instant, offset, lines before) of record starts, about one per
  // second, pruned to what the replay span needs.
  std::deque<SourceInfo::ResumePoint> checkpoints_;
  int64_t line_start_offset_ = 0;  // offset of the line being read
  int64_t last_line_number_ = 0;
  void Checkpoint(int64_t instant, int64_t line);
};

}  // namespace faultline
