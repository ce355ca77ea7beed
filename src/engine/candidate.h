// What the engine holds while it matches: a record that matched a step or context pattern,
// kept by reference. Most candidates never join a match (a storm of one message starts a
// partial per line, and each expires), so a candidate is small and copies nothing of the
// record but a counted reference to its text, shared by all the candidates the record gave.
// The text fields and captures an Evidence carries are read from it only when the candidate
// joins a match or a near miss (Engine::Resolve).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "src/base/record.h"
#include "src/engine/rule.h"
#include "src/store/source_info.h"

namespace faultline {

/// Named captures of a pattern in a text, by group name.
using Captures = std::map<std::string, std::string>;

/// One record's text and session id in one block, with a count of the candidates holding it.
/// The count is not atomic: candidates live and die in one engine, one thread (see Engine).
class SharedText {
 public:
  SharedText() = default;
  /// A block holding `text` then `session`; `message` is the message's span in `text`.
  SharedText(std::string_view text, std::string_view session, uint32_t message_begin,
             uint32_t message_length);
  SharedText(const SharedText& other) noexcept : block_(other.block_) {
    if (block_ != nullptr) ++block_->refs;
  }
  SharedText(SharedText&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  SharedText& operator=(const SharedText& other) noexcept;
  SharedText& operator=(SharedText&& other) noexcept;
  ~SharedText() {
    if (block_ != nullptr) Drop();  // most are moved-from: no call for them
  }

  /// Asks the CPU for the block ahead of a Drop that will come soon: a queue's oldest entry is
  /// cold by the time it is let go of, and its count lives in the block.
  void Prefetch() const { __builtin_prefetch(block_, 1); }

  /// The record's text: its header line, then "\n" + each continuation line.
  std::string_view text() const { return {Data(), block_->text_length}; }
  std::string_view session() const {
    return {Data() + block_->text_length, block_->session_length};
  }
  std::string_view message() const {
    return text().substr(block_->message_begin, block_->message_length);
  }

 private:
  struct Block {
    uint32_t refs;
    uint32_t text_length, session_length;
    uint32_t message_begin, message_length;
  };
  const char* Data() const { return reinterpret_cast<const char*>(block_ + 1); }
  void Drop() noexcept;
  Block* block_ = nullptr;
};

struct Candidate {
  int64_t instant = kNoInstant;
  int64_t line = 0;
  const SourceInfo* source = nullptr;  ///< its name and host (Feed's SourceInfo outlives it)
  const Matcher* matcher = nullptr;    ///< the step or context entry it matched: its name
  SharedText text;
  uint32_t part_begin = 0, part_length = 0;  ///< in text: what the matcher's pattern ran on
  int32_t myid = -1;
  int32_t occurrences = 1;  ///< for a `count` step: how many fell in the window
  Component component = Component::kOther;
  Level level = Level::kUnknown;
  uint8_t precision = 3;
  bool assumed = false;     ///< see Evidence::assumed
  bool order_only = false;  ///< see Evidence::order_only
  /// Its named captures, read only when a key first compares them (Engine::ReadCaptures, from
  /// a const path): hence mutable. Null until then, or when the pattern captured nothing.
  /// Shared and never changed once read: a storm's repeated line shares one map (CaptureMemo).
  mutable std::shared_ptr<const Captures> captures;
  mutable bool captures_read = false;

  /// The capture `name`, or null if it has none (or its captures were not read).
  const std::string* Capture(const std::string& name) const {
    if (captures == nullptr) return nullptr;
    auto found = captures->find(name);
    return found == captures->end() ? nullptr : &found->second;
  }

  const std::string& host() const { return source->host; }
  std::string_view session() const { return text.session(); }
  std::string_view part() const { return text.text().substr(part_begin, part_length); }
  /// Lets go of its text and captures: for a queue slot it was popped from.
  void Release() {
    text = SharedText();
    captures.reset();
    captures_read = false;
  }
};

/// The same record: same line of the same source.
inline bool SameRecord(const Candidate& a, const Candidate& b) {
  return a.line == b.line && (a.source == b.source || a.source->name == b.source->name);
}

}  // namespace faultline
