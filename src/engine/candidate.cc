#include "src/engine/candidate.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

namespace faultline {
namespace {

// Blocks let go of are kept for the next records instead of going back to malloc: a busy log
// makes and drops a block per matching record, and one just let go of is still in cache.
// Blocks are kept by size class (64-byte steps) in lists threaded through the blocks
// themselves; what is kept is bounded in bytes, and each thread keeps its own (an engine and
// its candidates live on one thread).
class BlockPool {
 public:
  static constexpr size_t kStep = 64;
  static constexpr size_t kClasses = 32;  // blocks up to 2 KiB; longer ones go to malloc
  static constexpr size_t kMaxKeptBytes = 8 << 20;

  ~BlockPool();
  void* Take(size_t bytes) {
    size_t c = Class(bytes);
    if (c >= kClasses) return std::malloc(bytes);
    Kept* block = kept_[c];
    if (block == nullptr) return std::malloc((c + 1) * kStep);
    kept_[c] = block->next;
    kept_bytes_ -= (c + 1) * kStep;
    return block;
  }
  void Give(void* block, size_t bytes) {
    size_t c = Class(bytes);
    if (c >= kClasses || kept_bytes_ + (c + 1) * kStep > kMaxKeptBytes) {
      std::free(block);
      return;
    }
    kept_[c] = new (block) Kept{kept_[c]};
    kept_bytes_ += (c + 1) * kStep;
  }

 private:
  struct Kept {
    Kept* next;
  };
  static size_t Class(size_t bytes) { return (bytes - 1) / kStep; }
  Kept* kept_[kClasses] = {};
  size_t kept_bytes_ = 0;
};

// Both trivially destroyed, so readable to the thread's very end: a block let go of after the
// pool is gone (by an object destroyed later in the thread's exit) goes straight to free.
thread_local BlockPool* pool = nullptr;
thread_local bool pool_gone = false;

BlockPool::~BlockPool() {
  pool = nullptr;
  pool_gone = true;
  for (Kept* list : kept_) {
    while (list != nullptr) {
      Kept* next = list->next;
      std::free(list);
      list = next;
    }
  }
}

// This thread's pool (made on first use), or null once it is gone.
BlockPool* Pool() {
  if (pool == nullptr && !pool_gone) {
    thread_local BlockPool the_pool;
    pool = &the_pool;
  }
  return pool;
}

}  // namespace

SharedText::SharedText(std::string_view text, std::string_view session, uint32_t message_begin,
                       uint32_t message_length) {
  size_t bytes = sizeof(Block) + text.size() + session.size();
  BlockPool* pool = Pool();
  void* memory = pool != nullptr ? pool->Take(bytes) : std::malloc(bytes);
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
  if (block_ != nullptr && --block_->refs == 0) {
    BlockPool* pool = Pool();
    if (pool != nullptr) {
      pool->Give(block_, sizeof(Block) + block_->text_length + block_->session_length);
    } else {
      std::free(block_);
    }
  }
  block_ = nullptr;
}

}  // namespace faultline
