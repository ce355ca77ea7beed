// The engine's candidates and evidence: a candidate is built from a record as it comes, holding
// the record's text by reference; it is resolved into evidence (text copied, captures read) only
// when it joins a match or a near miss. See src/engine/candidate.h.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "parsers/scan_util.h"
#include "src/engine/engine.h"

namespace faultline {
namespace {

// A `myid` capture names the server a line speaks for (a leader's "... to learner 2."), read as
// the parsers read [myid:N]; `otherwise` when there is none.
int32_t CapturedMyid(const std::string* captured, int32_t otherwise) {
  if (captured == nullptr) return otherwise;
  int myid = scan::ParseSmallInt(*captured);
  return myid >= 0 ? myid : otherwise;
}

}  // namespace

Candidate Engine::MakeCandidate(const Matcher& m, const Record& record, const SourceInfo& source,
                                const SharedText& text) {
  Candidate c;
  c.instant = record.instant;
  c.line = record.line;
  c.source = &source;
  c.matcher = &m;
  c.text = text;
  c.myid = record.myid;
  c.component = record.component;
  c.level = record.level;
  c.precision = record.precision;
  c.order_only = (record.flags & kOrderOnly) != 0;
  return c;
}

Evidence Engine::Resolve(const Candidate& c) const {
  Evidence e;
  e.name = c.matcher->name;
  e.instant = c.instant;
  e.precision = c.precision;
  e.source = c.source->name;
  e.line = c.line;
  e.host = c.source->host;
  e.component = c.component;
  e.level = c.level;
  e.myid = c.myid;
  e.session = c.session();
  std::string_view all = c.text.text();
  size_t newline = all.find('\n');
  e.header = std::string(all.substr(0, newline));
  if (newline != std::string_view::npos) {
    std::string_view rest = all.substr(newline + 1);
    e.first_continuation = std::string(rest.substr(0, rest.find('\n')));
  }
  e.message = c.text.message();
  e.occurrences = c.occurrences;
  e.assumed = c.assumed;
  e.order_only = c.order_only;
  ReadCaptures(c);
  if (c.captures != nullptr) e.captures = *c.captures;
  e.myid = CapturedMyid(c.Capture("myid"), e.myid);  // in context entries too
  return e;
}

bool Engine::MatchCaptures(const RE2& pattern, std::string_view part,
                           std::shared_ptr<const Captures>* captures) const {
  captures->reset();
  bool memo = CaptureMemo::Fits(part);
  uint64_t hash = memo ? CaptureMemo::Hash(pattern, part) : 0;
  bool matched = false;
  if (memo && capture_memo_.Find(pattern, part, hash, &matched, captures)) return matched;
  int groups = pattern.NumberOfCapturingGroups();
  std::vector<re2::StringPiece>& pieces = pieces_;  // reused: no allocation per call
  pieces.assign(static_cast<size_t>(groups) + 1, re2::StringPiece());
  if (!pattern.Match(re2::StringPiece(part.data(), part.size()), 0, part.size(), RE2::UNANCHORED,
                     pieces.data(), groups + 1)) {
    if (memo) capture_memo_.Remember(pattern, part, hash, nullptr);
    return false;
  }
  auto read = std::make_shared<Captures>();
  for (const auto& [group, index] : pattern.NamedCapturingGroups()) {
    (*read)[group] = std::string(pieces[index].data(), pieces[index].size());
  }
  *captures = read;
  if (memo) capture_memo_.Remember(pattern, part, hash, std::move(read));
  return true;
}

void Engine::ReadCaptures(const Candidate& c) const {
  if (c.captures_read) return;
  c.captures_read = true;
  const Matcher& m = *c.matcher;
  if (m.message == nullptr || m.captures.empty()) return;
  MatchCaptures(m.message->get(), c.part(), &c.captures);
}

void Engine::ReadMyid(Candidate* c) const {
  ReadCaptures(*c);
  c->myid = CapturedMyid(c->Capture("myid"), c->myid);
}

}  // namespace faultline
