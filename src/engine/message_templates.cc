#include "src/engine/message_templates.h"

#include <algorithm>
#include <limits>

#include "src/base/text_hash.h"
#include "src/engine/digit_blind.h"

namespace faultline {
namespace {

constexpr std::string_view kMask = "<*>";
// Punctuation kept around a word: "(17", "0x3007672f801a313,", "[10.0.0.1:8485]", "dropped:".
constexpr std::string_view kLead = "([{<";
constexpr std::string_view kTrail = ",.;:)]}>!?";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsQuote(char c) { return c == '"' || c == '\'' || c == '`'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool In(std::string_view set, char c) {
  for (char x : set)
    if (x == c) return true;
  return false;
}
/// Plain words (no digit, no separator a variable part could hide behind) are copied as they are.
bool Plain(std::string_view w) {
  if (w.empty() || w[0] == '.' || w[0] == '~' || IsQuote(w[0])) return false;
  for (char c : w)
    if (IsDigit(c) || c == ':' || c == '/' || c == '=') return false;
  return true;
}

bool HasDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsDigit); }
bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

/// A prefix of `s` of at most `max` bytes that does not end inside a UTF-8 sequence.
std::string_view Cut(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string_view FirstLine(std::string_view s) { return s.substr(0, s.find('\n')); }

/// The key of key=value / key:value: an identifier ("sessionid", "SyncThread", "dfs.ha.x").
bool IsKey(std::string_view s) {
  if (s.empty() || !(IsAlpha(s[0]) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return IsAlnum(c) || c == '_' || c == '-' || c == '.' || c == '$';
  });
}

/// Recognised by how it starts: a number (with a unit, a sign, dots, colons: 3412ms, -1,
/// 10.0.0.2:3888, 05:04:12,043, 1234-1240, 0x3007672f801a313), a quoted string, a path.
bool VariableByStart(std::string_view w) {
  char c = w[0];
  if (IsDigit(c)) return true;
  if ((c == '-' || c == '+') && w.size() > 1 && IsDigit(w[1])) return true;
  if (IsQuote(c) && w.size() >= 2 && w.back() == c) return true;
  if (c == '/' && w.size() > 1) return true;
  return w.starts_with("./") || w.starts_with("../") || w.starts_with("~/");
}

/// An IPv6 address (2001:db8::1, fe80::1%eth0, ::ffff:10.0.0.1). Tested before key:value.
bool IsIPv6(std::string_view w) {
  std::string_view ip = w.substr(0, w.find('%'));
  return std::count(ip.begin(), ip.end(), ':') >= 2 && HasDigit(ip) &&
         std::all_of(ip.begin(), ip.end(), [](char c) { return IsHex(c) || c == ':' || c == '.'; });
}

/// Recognised by its shape: a URL, a path with a number in it (zk2/10.0.0.2:3888), a UUID or
/// long hex string, host:port.
bool VariableByShape(std::string_view w) {
  if (w.find("://") != std::string_view::npos) return true;
  bool digit = HasDigit(w);
  if (!digit) return false;
  if (w.find('/') != std::string_view::npos) return true;
  if (w.size() >= 8 && std::all_of(w.begin(), w.end(), [](char c) { return IsHex(c) || c == '-'; }))
    return true;
  size_t colon = w.rfind(':');
  if (colon != std::string_view::npos && colon > 0 && w.size() - colon - 1 <= 5 &&
      AllDigits(w.substr(colon + 1))) {
    std::string_view host = w.substr(0, colon);
    if (host.find('=') == std::string_view::npos && (HasDigit(host) || host.find('.') != host.npos))
      return true;
  }
  return false;
}

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}

  void Space() { space_ = !out_->empty(); }
  void Char(char c) {
    Flush();
    out_->push_back(c);
  }
  void Text(std::string_view s) {
    Flush();
    out_->append(s);
  }
  /// A mask right after another (or after another and a space) is absorbed by it.
  void Mask() {
    if (out_->ends_with(kMask)) {
      space_ = false;
      return;
    }
    Flush();
    out_->append(kMask);
  }

 private:
  void Flush() {
    if (space_) out_->push_back(' ');
    space_ = false;
  }
  std::string* out_;
  bool space_ = false;
};

/// Digit runs standing alone inside a word ("pool-1-thread-3", "blk_1073741825_1001",
/// "zk2(172.18.0.3)") are masked; digits glued to letters before them ("zk2", "log4j") stay.
void MaskLooseNumbers(std::string_view w, Writer& out) {
  size_t i = 0;
  while (i < w.size()) {
    if (IsDigit(w[i]) && (i == 0 || !IsAlnum(w[i - 1]))) {
      while (i < w.size() &&
             (IsAlnum(w[i]) || (w[i] == '.' && i + 1 < w.size() && IsAlnum(w[i + 1]))))
        ++i;
      out.Mask();
    } else {
      out.Char(w[i++]);
    }
  }
}

void MaskCore(std::string_view w, Writer& out) {
  if (w.empty()) return;
  if (Plain(w)) return out.Text(w);
  if (VariableByStart(w) || w.find("://") != std::string_view::npos || IsIPv6(w)) return out.Mask();
  size_t sep = 0;
  while (sep < w.size() && w[sep] != '=' && w[sep] != ':') ++sep;
  if (sep < w.size() && IsKey(w.substr(0, sep))) {
    std::string_view key = w.substr(0, sep), value = w.substr(sep + 1);
    // host:port whose host is a name: zk1:2181, localhost:2181 (but not SyncThread:3, sid:3).
    if (w[sep] == ':' && value.size() <= 5 && AllDigits(value) &&
        (HasDigit(key) || key.find('.') != std::string_view::npos || key == "localhost"))
      return out.Mask();
    MaskLooseNumbers(key, out);
    out.Char(w[sep]);
    return MaskCore(value, out);
  }
  if (VariableByShape(w)) return out.Mask();
  MaskLooseNumbers(w, out);
}

void MaskWord(std::string_view w, Writer& out) {
  size_t begin = 0, end = w.size();
  while (begin < end && In(kLead, w[begin])) out.Char(w[begin++]);
  while (end > begin && In(kTrail, w[end - 1])) --end;
  MaskCore(w.substr(begin, end - begin), out);
  for (size_t i = end; i < w.size(); ++i) out.Char(w[i]);
}

}  // namespace

void MaskTemplate(std::string_view message, std::string* out) {
  out->clear();
  std::string_view s = FirstLine(message);
  Writer writer(out);
  // Where a quote char has no closing quote any more: later searches for it are skipped, so a
  // line of stray apostrophes stays linear.
  size_t no_close[3] = {s.size(), s.size(), s.size()};
  size_t i = 0;
  while (i < s.size()) {
    if (IsSpace(s[i])) {
      while (i < s.size() && IsSpace(s[i])) ++i;
      writer.Space();
      continue;
    }
    // A word runs to the next space, except inside a quoted string that opens it or a value
    // ("'a b'", "name='a b'") and closes before a space or punctuation.
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) {
      char c = s[j];
      if (IsQuote(c) && (j == i || In("=:([{<,", s[j - 1]))) {
        size_t q = c == '"' ? 0 : c == '\'' ? 1 : 2;
        size_t k = j + 1;
        bool closed = false;
        while (k < no_close[q] && (k = s.find(c, k)) != std::string_view::npos && k < no_close[q]) {
          if (k + 1 == s.size() || IsSpace(s[k + 1]) || In(kTrail, s[k + 1])) {
            closed = true;
            break;
          }
          ++k;
        }
        if (closed) {
          j = k + 1;
          continue;
        }
        no_close[q] = j;
      }
      ++j;
    }
    MaskWord(s.substr(i, j - i), writer);
    i = j;
  }
}

std::string MaskTemplate(std::string_view message) {
  std::string out;
  MaskTemplate(message, &out);
  return out;
}

void MessageTemplates::Add(const Record& record, const SourceInfo& source) {
  if (record.level < Level::kWarn) return;
  ++records_;
  std::string_view host = source.host.empty() ? std::string_view("-") : source.host;
  auto h = hosts_.find(host);
  if (h == hosts_.end()) {
    if (hosts_.size() >= max_hosts_) {
      ++dropped_;
      return;
    }
    h = hosts_.emplace(std::string(host), Templates()).first;
  }
  std::string_view message = Cut(FirstLine(record.View(record.message)), kMaxMessageBytes);
  bool earlier = false;
  Templates::value_type* found = Find(h->second, message, &earlier);
  if (found == nullptr) {
    ++dropped_;
    return;
  }
  Entry& e = found->second;
  ++e.count;
  e.level = std::max(e.level, record.level);
  if (record.instant != kNoInstant) {
    if (e.first == kNoInstant || record.instant < e.first) {
      e.first = record.instant;
      earlier = true;
    }
    if (e.last == kNoInstant || record.instant > e.last) e.last = record.instant;
  }
  if (earlier) {
    e.example.assign(Cut(FirstLine(record.text), kMaxTextBytes));
    e.source = source.name;
    e.line = record.line;
  }
}

MessageTemplates::RecentMessage& MessageTemplates::Slot(std::vector<RecentMessage>& recent,
                                                        std::string_view key) {
  if (recent.empty()) recent.resize(kRecentSlots);
  return recent[TextHash(key) % kRecentSlots];
}

MessageTemplates::Templates::value_type* MessageTemplates::Find(Templates& templates,
                                                                std::string_view message,
                                                                bool* added) {
  RecentMessage* slot = nullptr;
  RecentMessage* by_digits = nullptr;
  if (message.size() <= kMaxRecentMessageBytes) {
    slot = &Slot(recent_, message);
    if (slot->host == &templates && slot->message == message) return slot->entry;
    NormalizeDigits(message, &normalized_);
    by_digits = &Slot(recent_by_digits_, normalized_);
    if (by_digits->host == &templates && by_digits->message == normalized_) {
      slot->host = &templates;
      slot->message.assign(message);
      slot->entry = by_digits->entry;
      return slot->entry;
    }
  }
  MaskTemplate(message, &scratch_);
  scratch_.resize(Cut(scratch_, kMaxTextBytes).size());
  auto it = templates.find(scratch_);
  if (it == templates.end()) {
    if (templates.size() >= max_per_host_) return nullptr;
    it = templates.emplace(scratch_, Entry()).first;
    it->second.order = next_order_++;
    *added = true;
  }
  if (slot != nullptr) {
    slot->host = &templates;
    slot->message.assign(message);
    slot->entry = &*it;
    if (!HasDigit(scratch_)) {
      by_digits->host = &templates;
      by_digits->message.assign(normalized_);
      by_digits->entry = &*it;
    }
  }
  return &*it;
}

size_t MessageTemplates::templates() const {
  size_t n = 0;
  for (const auto& [host, templates] : hosts_) n += templates.size();
  return n;
}

std::vector<TemplateStat> MessageTemplates::Summary(size_t per_host) const {
  std::vector<TemplateStat> out;
  if (per_host == 0) return out;
  using Item = const Templates::value_type*;
  // Templates without an instant sort after all others.
  auto first_of = [](Item a) {
    return a->second.first == kNoInstant ? std::numeric_limits<int64_t>::max() : a->second.first;
  };
  auto earlier = [&](Item a, Item b) {
    if (first_of(a) != first_of(b)) return first_of(a) < first_of(b);
    return a->second.order < b->second.order;
  };
  auto rarer = [&](Item a, Item b) {
    if (a->second.count != b->second.count) return a->second.count < b->second.count;
    if (a->second.level != b->second.level) return a->second.level > b->second.level;
    return earlier(a, b);
  };
  std::vector<Item> items;
  for (const auto& [host, templates] : hosts_) {
    if (templates.empty()) continue;
    items.clear();
    for (const auto& item : templates) items.push_back(&item);
    auto first = std::min_element(items.begin(), items.end(), earlier);
    std::iter_swap(items.begin(), first);
    size_t n = std::min(per_host, items.size());
    std::partial_sort(items.begin() + 1, items.begin() + n, items.end(), rarer);
    for (size_t i = 0; i < n; ++i) {
      const Entry& e = items[i]->second;
      TemplateStat stat;
      stat.host = host;
      stat.text = items[i]->first;
      stat.example = e.example;
      stat.source = e.source;
      stat.line = e.line;
      stat.level = e.level;
      stat.count = e.count;
      stat.first = e.first;
      stat.last = e.last;
      stat.earliest = i == 0;
      out.push_back(std::move(stat));
    }
  }
  return out;
}

}  // namespace faultline
