#include "engine/blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace storyline {
namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

// An anonymous file in $TMPDIR (or /tmp): O_TMPFILE where the file system has
// it, else a named file unlinked at once.
int OpenTemporary() {
  const char* env = std::getenv("TMPDIR");
  std::string dir = env != nullptr && *env != '\0' ? env : "/tmp";
#ifdef O_TMPFILE
  int fd = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
#endif
  std::string path = dir + "/storyline-XXXXXX";
  fd = mkstemp(path.data());
  if (fd >= 0) unlink(path.c_str());
  return fd;
}

}  // namespace

BlobStore::BlobStore() : fd_(OpenTemporary()) {}

BlobStore::~BlobStore() {
  if (fd_ >= 0) close(fd_);
}

BlobStore::Ref BlobStore::Append(std::string_view bytes) {
  Ref ref{size_, static_cast<std::uint32_t>(bytes.size())};
  pending_.append(bytes);
  size_ += bytes.size();
  if (fd_ >= 0 && pending_.size() >= kFlushBytes) {
    std::lock_guard<std::mutex> lock(mu_);
    FlushLocked();
  }
  return ref;
}

void BlobStore::FlushLocked() const {
  if (fd_ < 0 || pending_.empty()) return;
  const char* p = pending_.data();
  std::size_t left = pending_.size();
  while (left > 0) {
    ssize_t n = pwrite(fd_, p, left, static_cast<off_t>(written_));
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;  // keep the rest in memory; Read() serves it from there
    }
    p += n;
    left -= static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  pending_.clear();
}

bool BlobStore::Read(Ref ref, std::string* out) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (fd_ < 0) {
    out->assign(pending_, ref.offset, ref.size);
    return ref.offset + ref.size <= pending_.size();
  }
  if (ref.offset + ref.size > written_) FlushLocked();
  out->resize(ref.size);
  std::size_t done = 0;
  // What a failed write left in memory starts at written_.
  while (done < ref.size && ref.offset + done < written_) {
    std::size_t want = static_cast<std::size_t>(
        std::min<std::uint64_t>(ref.size - done, written_ - ref.offset - done));
    ssize_t n = pread(fd_, out->data() + done, want, static_cast<off_t>(ref.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  if (done < ref.size) {
    std::uint64_t from = ref.offset + done - written_;
    if (from + (ref.size - done) > pending_.size()) return false;
    std::memcpy(out->data() + done, pending_.data() + from, ref.size - done);
  }
  return true;
}

}  // namespace storyline
