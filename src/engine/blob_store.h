// BlobStore: append-only byte blobs kept in an unlinked temporary file, so
// what the engine keeps of each article for its brief (brief/material.h)
// costs page cache, not memory. When no temporary file can be made, blobs
// stay in memory.
//
//   BlobStore store;
//   BlobStore::Ref r = store.Append(bytes);
//   std::string back;
//   store.Read(r, &back);
//
// Thread-safety: Append() needs one writer at a time and no concurrent
// Read(); Read() may be called from many threads at once (reads serialise on
// a mutex while they may flush).
#ifndef STORYLINE_ENGINE_BLOB_STORE_H_
#define STORYLINE_ENGINE_BLOB_STORE_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace storyline {

class BlobStore {
 public:
  struct Ref {
    std::uint64_t offset = 0;
    std::uint32_t size = 0;
  };

  BlobStore();
  ~BlobStore();
  BlobStore(const BlobStore&) = delete;
  BlobStore& operator=(const BlobStore&) = delete;

  Ref Append(std::string_view bytes);
  // False when the blob cannot be read back (an I/O error).
  bool Read(Ref ref, std::string* out) const;
  std::uint64_t size() const { return size_; }

 private:
  void FlushLocked() const;  // REQUIRES: mu_ held

  int fd_ = -1;                  // the temporary file, or -1: blobs in `pending_` only
  mutable std::string pending_;  // appended, not yet written
  mutable std::uint64_t written_ = 0;
  std::uint64_t size_ = 0;
  mutable std::mutex mu_;
};

}  // namespace storyline

#endif  // STORYLINE_ENGINE_BLOB_STORE_H_
