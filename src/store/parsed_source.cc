#include "src/store/parsed_source.h"

#include <algorithm>

#include "parsers/continuation.h"
#include "parsers/detect.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"
#include "src/store/complete_date.h"
#include "src/store/own_myid.h"
#include "src/store/source_identity.h"

namespace faultline {
namespace {

// A level as java.util.logging writes it, in capitals ("Note: ..." is prose): ParseLevel's names
// (SEVERE, WARNING, FINE, FINER and FINEST among them) and JUL's own CONFIG.
bool ParseJulLevel(std::string_view word, Level* level) {
  if (!std::all_of(word.begin(), word.end(), scan::IsUpper)) return false;
  if (word == "CONFIG") return *level = Level::kInfo, true;
  return ParseLevel(word, level);
}

// What `journalctl -x` puts before each line of its explanations.
constexpr std::string_view kJournalExplanation = "\u2591\u2591";

// The text that closes a message a record's header opened a bracket for (ODL's "[[" at the
// header's end: "]]"; GlassFish's uniform format, "[#|" first: "|#]"), or "".
std::string_view MessageCloser(std::string_view text) {
  std::string_view header = text.substr(0, text.find('\n'));
  while (!header.empty() && (header.back() == ' ' || header.back() == '\r'))
    header.remove_suffix(1);
  if (header.ends_with("[[")) return "]]";
  if (header.starts_with("[#|")) return "|#]";
  return "";
}

// A record may gather continuation lines up to this size; the rest are counted, not stored.
constexpr size_t kMaxRecordBytes = 16 << 20;

bool Earlier(const Record* a, const Record* b) {
  if (a->instant != b->instant) return a->instant < b->instant;
  return a->line < b->line;
}

// An inner line without a time of its own takes its wrapper's, which is a real time. A syslog
// time's year is a guess (the file's, or a journal header's when `year_guessed` is off): the
// record's date is then completed as a year-less time's is, and flagged date-inferred.
void WithWrapperTime(Header* header, const Wrapper& wrapper) {
  if (header->local != kNoInstant) {
    // glog inside svlogd: the wrapper's full date completes the line's own time.
    if ((header->no_year || header->no_date) && wrapper.local != kNoInstant) {
      header->local = CompleteDate(header->local, header->no_date, wrapper.local);
      header->no_date = false;
      header->no_year = wrapper.year_guessed;
    }
    return;
  }
  header->no_year = wrapper.year_guessed;
  header->local = wrapper.local;
  header->has_offset = wrapper.has_offset;
  header->utc_offset_us = wrapper.offset_us;
  header->precision = wrapper.precision;
}

Span SpanOf(std::string_view whole, std::string_view part) {
  if (part.empty()) return Span{};
  return Span{static_cast<uint32_t>(part.data() - whole.data()),
              static_cast<uint32_t>(part.size())};
}

}  // namespace

ParsedSource::ParsedSource(std::unique_ptr<LineInput> input, const Parser* parser, SourceInfo* info,
                           int32_t index, SourceClock clock, WindowSettings window)
    : input_(std::move(input)),
      reader_input_(dynamic_cast<ReaderInput*>(input_.get())),
      parser_(parser),
      parser_component_(parser != nullptr ? parser->DefaultComponent() : Component::kOther),
      info_(info),
      index_(index),
      clock_(clock),
      window_(window),
      copied_from_ui_(info->detection.has_value() &&
                      info->detection->wrapper == WrapperKind::kUiCopy) {
  if (info->journal_year) {
    year_hint_ = *info->journal_year;
    year_hint_set_ = year_from_journal_ = true;
  }
}

Record* ParsedSource::Acquire() {
  if (!free_.empty()) {
    Record* record = free_.back();
    free_.pop_back();
    record->Clear();
    return record;
  }
  owned_.push_back(std::make_unique<Record>());
  return owned_.back().get();
}

// The logger namespace and thread decide, then the parser's own family (a ZooKeeper layout), then
// what the file name says, then the parser's guess. One file may hold several components. A
// ZooKeeper layout's record whose logger names neither another program nor a client is
// ZooKeeper's whatever its thread: the thread is asked only when it can change the answer.
[[gnu::always_inline]] Component ParsedSource::RecordComponent(const Header& header,
                                                               const Parser& parser) const {
  ContentComponent content = component_cache_.Get(header.logger);
  if (content.known) return content.component;
  Component guess = &parser == parser_ ? parser_component_ : parser.DefaultComponent();
  if (!content.client && (guess == Component::kZk || ZkServerThread(header.thread))) {
    return Component::kZk;
  }
  if (info_->component != Component::kOther) return info_->component;
  if (content.client) return Component::kOther;  // a ZooKeeper client inside some program
  return guess;
}

// A header's own time, else the previous record's, else an order-only instant. A time without its
// year or date takes them from the record before (a glog line among the ZooKeeper C client's
// dated ones); else a year from the file's year as syslog times do, a date from the file's
// modification date (flagged date-inferred either way).
[[gnu::always_inline]] void ParsedSource::TakeTime(Record* r, const Header& header) {
  if (header.local != kNoInstant) {
    r->local = header.local;
    if (header.no_year || header.no_date) {
      int64_t reference = dated_local_;
      bool latest = false;
      if (reference == kNoInstant) {
        if (!year_hint_set_) {
          year_hint_ = YearHintForPath(info_->path.c_str());
          year_hint_set_ = true;
        }
        if (header.no_year) {
          latest = true;
          reference = CivilToMicros(year_hint_.year, year_hint_.month, 1, 0, 0, 0, 0);
        } else {
          // A time of day with no date anywhere before it: the file's modification date (standard
          // input: today's), at noon so the time of day stays on that date.
          reference = CivilToMicros(year_hint_.year, year_hint_.month, year_hint_.day, 12, 0, 0, 0);
          date_from_file_ = true;
        }
      }
      if (reference != kNoInstant) {
        r->local = CompleteDate(header.local, header.no_date, reference, latest);
        r->flags |= kDateInferred;
        dated_local_ = r->local;
        if (date_from_file_ && header.no_date) ++info_->dated_from_file;
      }
    } else {
      dated_local_ = r->local;
      date_from_file_ = false;
    }
    r->instant = header.has_offset ? clock_.WithOffset(r->local, header.utc_offset_us)
                                   : clock_.ToUtc(r->local, &r->flags);
    if (!timed_seen_) TimeHeldRecords(r->instant);
    timed_seen_ = true;
    return;
  }
  if (order_only_) {
    r->instant = r->local = kOrderOnlyBase + r->line * kOrderOnlyStep;
    r->flags |= kOrderOnly;
    ++info_->order_only;
  } else {
    r->instant = previous_instant_;
    if (r->instant != kNoInstant) {
      r->flags |= kInheritedTime;
      ++info_->inherited_time;
    }
  }
}

// The first record with a time came: the records before it (a pasted excerpt that opens inside
// a stack trace, a banner) take its instant, as the records after a timed one take that one's.
// Without it the engine could not read them: rules would miss what the paste begins with.
void ParsedSource::TimeHeldRecords(int64_t instant) {
  for (Record* held : window_records_) {
    if (held->instant != kNoInstant) continue;
    held->instant = instant;
    held->flags |= kInheritedTime;
    ++info_->inherited_time;
  }
}

// No record so far had a time: those held get order-only instants, as will the rest.
void ParsedSource::EndHold() {
  order_only_ = true;
  Header none;
  for (Record* r : window_records_) TakeTime(r, none);
  if (open_ != nullptr) TakeTime(open_, none);
  for (Record* r : window_records_) {
    newest_ = std::max(newest_, r->instant);
    if (info_->first_instant == kNoInstant || r->instant < info_->first_instant) {
      info_->first_instant = r->instant;
    }
    info_->last_instant = std::max(info_->last_instant, r->instant);
    previous_instant_ = r->instant;
  }
}

[[gnu::always_inline]] void ParsedSource::StartRecord(std::string_view line, int64_t number,
                                                      const Header& header, const Parser& parser) {
  Finish();
  // A recycled record is not cleared first: every field is set here (TakeTime sets the times).
  Record* r;
  if (!free_.empty()) {
    r = free_.back();
    free_.pop_back();
  } else {
    r = Acquire();
  }
  r->text.assign(line);
  r->instant = r->local = kNoInstant;
  r->line = number;
  r->source = index_;
  r->myid = header.myid;
  r->code_line = header.code_line;
  r->continuation_lines = 0;
  r->flags = 0;
  r->precision = header.precision;
  r->level = header.level;
  r->thread = SpanOf(line, header.thread);
  r->logger = SpanOf(line, header.logger);
  r->message = SpanOf(line, header.message);
  r->component = RecordComponent(header, parser);
  // A layout without the MDC's myid: the server's id as its own lines name it, from then on.
  if (r->myid < 0 && r->component == Component::kZk) {
    if (int32_t id = OwnMyidIn(header.message, header.thread); id >= 0) learnt_myid_ = id;
    r->myid = learnt_myid_;
  }
  TakeTime(r, header);
  if (window_.replay_span_us > 0 && r->instant != kNoInstant) Checkpoint(r->instant, number - 1);
  if (&parser == parser_ && header.variant < info_->variant_records.size()) {
    ++info_->variant_records[header.variant];
  }
  open_ = r;
}

[[gnu::always_inline]] void ParsedSource::Finish() {
  Record* r = open_;
  if (r == nullptr) return;
  open_ = nullptr;
  message_wrapped_ = false;
  ++info_->records;
  if (r->instant != kNoInstant) {
    if (previous_instant_ != kNoInstant && r->instant < previous_instant_) {
      r->flags |= kOutOfOrder;
      ++info_->out_of_order;
    }
    previous_instant_ = r->instant;
    newest_ = std::max(newest_, r->instant);
    if (info_->first_instant == kNoInstant || r->instant < info_->first_instant) {
      info_->first_instant = r->instant;
    }
    info_->last_instant = std::max(info_->last_instant, r->instant);
  }
  window_records_.insert_sorted(r, Earlier);
}

bool ParsedSource::OpenMessageBlank() const {
  if ((open_->flags & kUnparsed) != 0 || open_->continuation_lines > 0) return false;
  std::string_view message = open_->View(open_->message);
  return message.find_first_not_of(" \t") == std::string_view::npos;
}

void ParsedSource::AppendToMessage(std::string_view line) {
  size_t before = open_->text.size();
  AppendContinuation(line);
  if (open_->text.size() == before) return;  // past the record limit: counted, not stored
  if (!message_wrapped_) {
    size_t indent = line.find_first_not_of(' ');
    open_->message = Span{static_cast<uint32_t>(before + 1 + indent), 0};
    message_wrapped_ = true;
    // java.util.logging writes the time, class and method on one line and "LEVEL: message" on
    // the next: the level is the second line's.
    if (open_->level == Level::kUnknown) {
      size_t colon = line.find(": ");
      Level level;
      if (colon != std::string_view::npos && colon <= 7 &&
          ParseJulLevel(line.substr(0, colon), &level)) {
        open_->level = level;
        open_->message.offset += static_cast<uint32_t>(colon + 2);
      }
    }
  }
  open_->message.length = static_cast<uint32_t>(open_->text.size() - open_->message.offset);
  // The bracket the header opened around its message closes after it: ODL's "[[ ... ]]",
  // GlassFish's "[#| ... |#]". It is the layout's, not the message's.
  std::string_view closer = MessageCloser(open_->text);
  if (!closer.empty() && open_->View(open_->message).ends_with(closer)) {
    open_->message.length -= static_cast<uint32_t>(closer.size());
  }
}

void ParsedSource::AppendContinuation(std::string_view line) {
  ++info_->continuation_lines;
  ++open_->continuation_lines;
  if (open_->text.size() + line.size() < kMaxRecordBytes) {
    open_->text += '\n';
    open_->text.append(line);
  } else {
    open_->flags |= kTruncated;
  }
}

// The host a journald or syslog wrapper names, unless the path named one better than its stem;
// the component its program names, unless one is known.
void ParsedSource::NoteWrapperHost(const Wrapper& wrapper) {
  if (host_checked_ || wrapper.host.empty()) return;
  host_checked_ = true;
  // The program's name says the component as a file name would ("zookeeper", "hadoop-zkfc").
  if (info_->component == Component::kOther && !wrapper.ident.empty()) {
    info_->component = IdentifyFromPath(std::string(wrapper.ident), "").component;
  }
  if (!info_->host.empty()) {
    SourceIdentity from_path = IdentifyFromPath(info_->path, "");
    if (!from_path.daemon.empty() || from_path.host != info_->host) return;
  }
  info_->host = std::string(wrapper.host);
}

// A docker or journald line: the line inside is read as the source's lines are.
void ParsedSource::ReadWrapped(const Wrapper& wrapper, std::string_view line, int64_t number) {
  NoteWrapperHost(wrapper);
  std::string_view inner = wrapper.inner;
  Header header;
  Miss miss;
  if (parser_ != nullptr && parser_->ParseHeader(inner, &header, &miss)) {
    WithWrapperTime(&header, wrapper);
    StartRecord(inner, number, header, *parser_);
    return;
  }
  // A layout whose own time is RFC 3339 ("2019-01-19T14:22:13.633Z [warn] ...", Telegraf's
  // "2017-12-06T09:27:53Z E! ...") looks docker-wrapped: the source's parser reading the line
  // whole says it is not.
  if (wrapper.kind == WrapperKind::kDocker && parser_ != nullptr &&
      parser_->ParseHeader(line, &header, &miss)) {
    StartRecord(line, number, header, *parser_);
    return;
  }
  // A line the runner indented inside its wrapper (GitHub Actions' Gradle output): a header
  // with a time of its own is not a continuation line.
  if (!inner.empty() && inner[0] == ' ') {
    std::string_view trimmed = inner.substr(inner.find_first_not_of(' ') == std::string_view::npos
                                                ? inner.size()
                                                : inner.find_first_not_of(' '));
    const Parser* reader = parser_ != nullptr && parser_->ParseHeader(trimmed, &header, &miss)
                               ? parser_
                               : DetectLine(trimmed, &header);
    if (reader != nullptr && header.local != kNoInstant) {
      StartRecord(trimmed, number, header, *reader);
      return;
    }
  }
  if (open_ != nullptr && IsContinuationLine(inner)) {
    AppendContinuation(inner);
    return;
  }
  // Another program's lines in the same journal or container (a kazoo monitor beside
  // ZooKeeper), then the fallbacks.
  if (const Parser* other = DetectLine(inner, &header)) {
    WithWrapperTime(&header, wrapper);
    StartRecord(inner, number, header, *other);
    return;
  }
  const Parser& generic = GenericLogParser();
  if (generic.ParseHeader(inner, &header, &miss)) {
    StartRecord(inner, number, header, generic);
    return;
  }
  const Parser& timeless = TimelessLogParser();
  if (timeless.ParseHeader(inner, &header, &miss)) {
    WithWrapperTime(&header, wrapper);
    StartRecord(inner, number, header, timeless);
    return;
  }
  // A line nothing reads (a daemon's own text, systemd's "Started ..."): a record at the
  // wrapper's time. A docker line is read whole, as before wrappers were known.
  if (wrapper.kind == WrapperKind::kDocker && generic.ParseHeader(line, &header, &miss)) {
    StartRecord(line, number, header, generic);
    return;
  }
  header = Header{};
  WithWrapperTime(&header, wrapper);
  header.message = inner;
  header.level = scan::LevelFromWords(inner);
  // "INFO Backend set to zookeeper" (a Go program under journald): the level word leads.
  size_t word_end = scan::UpperWordEnd(inner, 0);
  if (word_end < inner.size() && inner[word_end] == ' ' &&
      scan::AnyLevel(inner.substr(0, word_end), &header.level)) {
    header.message = inner.substr(word_end + 1);
  }
  StartRecord(inner, number, header, generic);
}

// A docker-desktop line whose whole text the source's parser did not take: believed when the line
// inside has a time of its own or continues the record before it.
bool ParsedSource::ReadWeaklyWrapped(const Wrapper& wrapper, int64_t number) {
  std::string_view inner = wrapper.inner;
  Header header;
  Miss miss;
  if (parser_ != nullptr && parser_->ParseHeader(inner, &header, &miss) &&
      header.local != kNoInstant) {
    StartRecord(inner, number, header, *parser_);
    return true;
  }
  if (IsContinuationLine(inner)) {
    if (open_ != nullptr) {
      AppendContinuation(inner);
    } else {  // the end of a trace whose header was cut off: a record at the wrapper's time
      header = Header{};
      WithWrapperTime(&header, wrapper);
      header.message = inner;
      StartRecord(inner, number, header, GenericLogParser());
    }
    return true;
  }
  if (const Parser* other = DetectLine(inner, &header);
      other != nullptr && header.local != kNoInstant) {
    StartRecord(inner, number, header, *other);
    return true;
  }
  const Parser& generic = GenericLogParser();
  if (generic.ParseHeader(inner, &header, &miss)) {
    StartRecord(inner, number, header, generic);
    return true;
  }
  return false;
}

[[gnu::always_inline]] void ParsedSource::ReadLine(std::string_view line, int64_t number) {
  ++info_->lines;
  // journalctl's "-- Logs begin at ..., end at ... --" names the year of the syslog times after
  // it (the line itself is kept as any other line nothing reads).
  if (line.size() > 20 && line[0] == '-' && line[1] == '-' &&
      ReadJournalHeader(line, &year_hint_)) {
    year_hint_set_ = true;
    year_from_journal_ = true;
  }
  if (!year_hint_set_ && !line.empty() && scan::IsUpper(line[0])) {
    year_hint_ = YearHintForPath(info_->path.c_str());
    year_hint_set_ = true;
  }
  // A source no parser recognised keeps its lines whole (a kernel's syslog is not unwrapped into
  // records nobody reads): the wrapper serves the lines inside that a parser reads. A UI's copy
  // is unwrapped all the same: its time is the only one most of its lines have.
  if ((parser_ != nullptr || copied_from_ui_) && StripWrapper(line, year_hint_, &wrapper_)) {
    if (!wrapper_.weak()) {
      if (year_from_journal_) wrapper_.year_guessed = false;
      ReadWrapped(wrapper_, line, number);
    } else {
      ReadUnwrapped(line, number, &wrapper_);
    }
    wrapper_ = Wrapper{};  // as StripWrapper leaves it when it finds none
    return;
  }
  ReadUnwrapped(line, number, nullptr);
}

// A line that is not (`weak` == nullptr) or only maybe wrapped (docker-desktop's).
[[gnu::always_inline]] void ParsedSource::ReadUnwrapped(std::string_view line, int64_t number,
                                                        const Wrapper* weak) {
  Header header;
  Miss miss;
  if (parser_ != nullptr && parser_->ParseHeader(line, &header, &miss)) {
    StartRecord(line, number, header, *parser_);
    return;
  }
  if (weak != nullptr && ReadWeaklyWrapped(*weak, number)) return;
  // `journalctl -x` explains an entry on lines of its own ("░░ Subject: ...", "░░ Defined-By:
  // systemd"): they continue that entry.
  if (open_ != nullptr && (IsContinuationLine(line) || line.starts_with(kJournalExplanation))) {
    // A header that ends before its message, the message indented on the lines after it
    // (Payara's ODL "... [levelValue: 800] [[" then "  Running Payara ...]]"): they are the
    // message, not a continuation of it.
    if (!line.empty() && line[0] == ' ' && (message_wrapped_ || OpenMessageBlank()) &&
        IsIndentedText(line)) {
      AppendToMessage(line);
      return;
    }
    AppendContinuation(line);
    return;
  }
  // A run of another layout inside the file (a JVM's GC log in a container's output, a client
  // library logging its own way): the layout that read the last such line is tried first.
  if (parser_ != nullptr) {
    if (block_parser_ != nullptr && block_parser_->ParseHeader(line, &header, &miss)) {
      StartRecord(line, number, header, *block_parser_);
      return;
    }
    if (const Parser* other = DetectLine(line, &header)) {
      block_parser_ = other;
      StartRecord(line, number, header, *other);
      return;
    }
  }
  const Parser& generic = GenericLogParser();
  if (parser_ != &generic && generic.ParseHeader(line, &header, &miss)) {
    StartRecord(line, number, header, generic);
    return;
  }
  // A header pasted without its time ("FATAL [main:QuorumPeer@400] - ...", "Exception in
  // thread ..."): a record of its own, at the previous record's time.
  const Parser& timeless = TimelessLogParser();
  if (parser_ != &timeless && timeless.ParseHeader(line, &header, &miss)) {
    StartRecord(line, number, header, timeless);
    return;
  }
  // An indented line that nothing reads once its indent is gone is the rest of a line wrapped
  // in a paste ("     3.102:8485, 10.0.3.103:8485], ...": the digit made it look like a time).
  if (open_ != nullptr && input_->indent_removed()) {
    // After a header with no message, the indented lines are its message (.NET's console logger
    // writes "info: Category[0]", then the message indented by six blanks).
    if (message_wrapped_ || OpenMessageBlank()) {
      AppendToMessage(line);
    } else {
      AppendContinuation(line);
    }
    return;
  }
  // A header with no message, its text on the lines after it (a paste that wrapped each message
  // onto lines of their own, a message that starts with a line break): those lines are its
  // message, up to the next header.
  if (open_ != nullptr && (message_wrapped_ || OpenMessageBlank())) {
    AppendToMessage(line);
    return;
  }
  // Inside a parsed record's continuation in a log of a known layout (an exception whose
  // message has line breaks of its own, as Hadoop's HttpGetFailedException's "Response
  // message:" and the text after it): the next lines of that message, up to the next header.
  if (open_ != nullptr && open_->continuation_lines > 0 && (open_->flags & kUnparsed) == 0 &&
      parser_ != nullptr && parser_ != &generic && parser_ != &TimelessLogParser()) {
    AppendContinuation(line);
    return;
  }
  // Nothing understands the line: keep it as an unparsed record at the time of the record
  // before it, so it is counted and shown in place, never dropped.
  Finish();
  Record* r = Acquire();
  r->text.assign(line);
  r->line = number;
  r->source = index_;
  r->message = Span{0, static_cast<uint32_t>(line.size())};
  r->component = info_->component;
  r->flags = kUnparsed;
  TakeTime(r, Header{});
  ++info_->unparsed;
  // Left open: the stack frames after a pasted exception line ("java.io.IOException: ...") are
  // its continuation, as they would be after a header.
  open_ = r;
}

bool ParsedSource::Releasable() const {
  if (window_records_.empty()) return false;
  if (eof_ || window_records_.size() > window_.max_records) return true;
  if (!timed_seen_ && !order_only_) return false;  // held: the source may have no time at all
  int64_t top = window_records_.front()->instant;
  if (top == kNoInstant || newest_ == kNoInstant) return top == kNoInstant;
  return top <= newest_ - window_.span_us;
}

Record* ParsedSource::PopWindow() {
  Record* r = window_records_.front();
  window_records_.pop_front();
  if (r->instant != kNoInstant) {
    if (last_released_ != kNoInstant && r->instant < last_released_) ++info_->unplaceable;
    last_released_ = std::max(last_released_, r->instant);
  }
  return r;
}

void ChooseResumePoint(SourceInfo* info, int64_t from_instant) {
  info->replay_offset = info->end_offset;
  info->replay_line = info->end_line;
  const SourceInfo::ResumePoint* chosen = nullptr;
  for (const SourceInfo::ResumePoint& p : info->resume_points) {
    if (chosen == nullptr || p.instant <= from_instant) chosen = &p;
    if (p.instant > from_instant) break;
  }
  if (chosen != nullptr) {
    info->replay_offset = chosen->offset;
    info->replay_line = chosen->line;
  }
}

void ParsedSource::Checkpoint(int64_t instant, int64_t line) {
  if (!checkpoints_.empty() && instant < checkpoints_.back().instant + 5'000'000) return;
  checkpoints_.push_back({instant, line_start_offset_, line});
  // Kept for the replay span plus six hours: another source may be that far behind.
  int64_t needed_from = instant - window_.replay_span_us - 6 * 3'600'000'000LL;
  while (checkpoints_.size() >= 2 && checkpoints_[1].instant <= needed_from) {
    checkpoints_.pop_front();
  }
}

Record* ParsedSource::Next() {
  std::string_view line;
  int64_t number = 0;
  while (true) {
    if (!timed_seen_ && !order_only_ && !window_records_.empty() &&
        (eof_ || window_records_.size() > window_.max_records)) {
      EndHold();
    }
    if (Releasable()) break;
    if (eof_) return nullptr;
    // Only cron mode's resume points need the line's offset (a virtual call per line).
    int64_t before = window_.replay_span_us > 0 ? input_->offset() : 0;
    bool got = reader_input_ != nullptr ? reader_input_->Next(&line, &number)
                                        : input_->Next(&line, &number);
    if (got) {
      line_start_offset_ = before;
      last_line_number_ = number;
      ReadLine(line, number);
    } else {
      Finish();
      eof_ = true;
      if (!timed_seen_ && !order_only_ && !window_records_.empty()) EndHold();
      info_->end_offset = input_->offset();
      if (last_line_number_ > 0) info_->end_line = last_line_number_;
      info_->held_back_bytes = input_->held_back_bytes();
      info_->split_lines = input_->cut_lines();
      info_->resume_points.assign(checkpoints_.begin(), checkpoints_.end());
      // By default the span before this source's own last record; cron mode may move it back
      // to where the slowest source stands.
      ChooseResumePoint(info_, info_->last_instant == kNoInstant
                                   ? kNoInstant
                                   : info_->last_instant - window_.replay_span_us);
      std::string error = input_->error();
      if (!error.empty() && info_->problem.empty()) {
        info_->problem = error;
        info_->read_problem = true;
      }
    }
  }
  return PopWindow();
}

}  // namespace faultline
