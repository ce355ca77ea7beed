#include "src/engine/candidate.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace faultline {

SharedText::SharedText(std::string_view text, std::string_view session, uint32_t message_begin,
                       uint32_t message_length) {
  void* memory = std::malloc(sizeof(Block) + text.size() + session.size());
  if (memory == nullptr) throw std::bad_alloc();
  block_ = static_cast<Block*>(memory);
  *block_ = {1, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(session.size()),
             message_begin, message_length};
  char* data = reinterpret_cast<char*>(block_ + 1);
  if (!text.empty()) std::memcpy(data, text.data(), text.size());
  if (!session.empty()) std::memcpy(data + text.size(), session.data(), session.size());
}

SharedText& SharedText::operator=(const SharedText& other) noexcept {
  if (other.block_ != nullptr) ++other.block_->refs;  // first: `other` may be *this
  Drop();
  block_ = other.block_;
  return *this;
}

SharedText& SharedText::operator=(SharedText&& other) noexcept {
  if (this != &other) {
    Drop();
    block_ = other.block_;
    other.block_ = nullptr;
  }
  return *this;
}

void SharedText::Drop() noexcept {
  if (block_ != nullptr && --block_->refs == 0) std::free(block_);
  block_ = nullptr;
}

}  // namespace faultline
