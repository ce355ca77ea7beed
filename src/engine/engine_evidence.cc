// The engine's evidence: built from a record as a match candidate with its text fields pending,
// resolved (text copied, captures read) only when it joins a match or a near miss, and compared
// record by record. See Evidence::Pending in match.h.
#include <string>
#include <string_view>

#include "parsers/scan_util.h"
#include "src/engine/engine.h"

namespace faultline {

Evidence Engine::MakeEvidence(const std::string& name, const Record& record,
                              const SourceInfo& source, size_t session_length,
                              const std::shared_ptr<const char[]>& shared) {
  Evidence e;
  e.pending.name = &name;  // the step's or context entry's own name: it outlives the evidence
  e.instant = record.instant;
  e.precision = record.precision;
  e.pending.source = &source.name;  // copied only if the evidence is reported
  e.line = record.line;
  e.host = source.host;
  e.component = record.component;
  e.level = record.level;
  e.myid = record.myid;
  e.order_only = (record.flags & kOrderOnly) != 0;
  e.pending.session_length = static_cast<uint32_t>(session_length);
  e.pending.text = shared;
  e.pending.text_length = static_cast<uint32_t>(record.text.size());
  e.pending.message_begin = record.message.offset;
  e.pending.message_length = record.message.length;
  return e;
}

void Engine::ResolvePending(Evidence* e) {
  if (e->pending.text == nullptr) return;
  Evidence::Pending pending = std::move(e->pending);
  e->pending = {};
  e->source = *pending.source;
  e->name = *pending.name;
  e->session.assign(pending.text.get() + pending.text_length, pending.session_length);
  std::string_view all(pending.text.get(), pending.text_length);
  size_t newline = all.find('\n');
  e->header = std::string(all.substr(0, newline));
  if (newline != std::string_view::npos) {
    std::string_view rest = all.substr(newline + 1);
    e->first_continuation = std::string(rest.substr(0, rest.find('\n')));
  }
  e->message = std::string(all.substr(pending.message_begin, pending.message_length));
  if (pending.matcher != nullptr) {
    ExtractCaptures(*pending.matcher, all.substr(pending.part_begin, pending.part_length), e);
  }
}

bool Engine::MatchCaptures(const RE2& pattern, std::string_view part,
                           std::map<std::string, std::string>* captures) const {
  int groups = pattern.NumberOfCapturingGroups();
  std::vector<re2::StringPiece>& pieces = pieces_;  // reused: no allocation per call
  pieces.assign(static_cast<size_t>(groups) + 1, re2::StringPiece());
  if (!pattern.Match(re2::StringPiece(part.data(), part.size()), 0, part.size(), RE2::UNANCHORED,
                     pieces.data(), groups + 1)) {
    return false;
  }
  for (const auto& [group, index] : pattern.NamedCapturingGroups()) {
    (*captures)[group] = std::string(pieces[index].data(), pieces[index].size());
  }
  return true;
}

void Engine::ReadCaptures(const Evidence& e) const {
  const Evidence::Pending& pending = e.pending;
  if (pending.matcher == nullptr || pending.text == nullptr || !e.captures.empty()) return;
  MatchCaptures(*pending.matcher->message,
                std::string_view(pending.text.get() + pending.part_begin, pending.part_length),
                &e.captures);
}

void Engine::ExtractCaptures(const Matcher& m, std::string_view part, Evidence* e) {
  if (m.message == nullptr || m.captures.empty()) return;
  MatchCaptures(*m.message, part, &e->captures);
  // A leader's line that names a learner ("... to learner 2.") speaks for that server.
  auto named = e->captures.find("myid");
  if (named != e->captures.end()) {
    int myid = scan::ParseSmallInt(named->second);  // as the parsers read [myid:N]
    if (myid >= 0) e->myid = myid;
  }
}

std::string_view Engine::SessionOf(const Evidence& e) {
  if (e.pending.text == nullptr) return e.session;
  return {e.pending.text.get() + e.pending.text_length, e.pending.session_length};
}

bool Engine::SameRecord(const Evidence& a, const Evidence& b) {
  if (a.line != b.line) return false;
  const std::string& a_source = a.pending.source != nullptr ? *a.pending.source : a.source;
  const std::string& b_source = b.pending.source != nullptr ? *b.pending.source : b.source;
  return &a_source == &b_source || a_source == b_source;
}

}  // namespace faultline
