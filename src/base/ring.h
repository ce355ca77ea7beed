// Ring: a first-in, first-out queue over one reused array. std::deque allocates a block per
// 512 bytes, so for an element larger than that (the engine's Evidence) every push_back
// allocates; a ring allocates only when it grows past its largest size so far. Its capacity is
// a power of two, so a position wraps with a mask, not a division (it is asked for every record
// that matches a context pattern).
#pragma once

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace faultline {

/// Lets go of what a slot that was popped holds: with T's own Release() if it has one (cheaper
/// than building a fresh T and moving it in, for a large T), else by assigning a fresh T.
template <typename T>
void ReleaseSlot(T* value) {
  if constexpr (requires { value->Release(); }) {
    value->Release();
  } else {
    *value = T();
  }
}

template <typename T>
class Ring {
 public:
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const Ring* ring, size_t index) : ring_(ring), index_(index) {}
    const T& operator*() const { return (*ring_)[index_]; }
    const T* operator->() const { return &(*ring_)[index_]; }
    const_iterator& operator++() {
      ++index_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const const_iterator& other) const { return index_ == other.index_; }
    bool operator!=(const const_iterator& other) const { return index_ != other.index_; }
    size_t index() const { return index_; }

   private:
    const Ring* ring_;
    size_t index_;
  };

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const T& operator[](size_t i) const { return slots_[Slot(i)]; }
  T& operator[](size_t i) { return slots_[Slot(i)]; }
  const T& front() const { return slots_[head_]; }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }

  void push_back(T value) {
    if (size_ == slots_.size()) Grow();
    slots_[Slot(size_)] = std::move(value);
    ++size_;
  }
  void pop_front() {
    ReleaseSlot(&slots_[head_]);  // let go of what it holds now, not when the slot is reused
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
  }
  void clear() {
    while (!empty()) pop_front();
    head_ = 0;
  }
  /// Removes the element at `it`, keeping the order of the rest (later ones move up by one).
  void erase(const_iterator it) {
    for (size_t i = it.index(); i + 1 < size_; ++i) (*this)[i] = std::move((*this)[i + 1]);
    ReleaseSlot(&(*this)[size_ - 1]);
    --size_;
  }

 private:
  size_t Slot(size_t i) const { return (head_ + i) & (slots_.size() - 1); }
  void Grow() {
    std::vector<T> bigger(slots_.empty() ? 4 : slots_.size() * 2);  // a power of two
    for (size_t i = 0; i < size_; ++i) bigger[i] = std::move((*this)[i]);
    slots_ = std::move(bigger);
    head_ = 0;
  }

  std::vector<T> slots_;
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace faultline
