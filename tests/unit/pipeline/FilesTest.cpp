// The one directory walk and the one atomic write, against the trees and
// files an attacker (or an unlucky user) leaves: link loops, pipes, devices,
// the same file under several names, private, read-only and linked files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pipeline/Output.h"
#include "pipeline/SourceFiles.h"

namespace cio {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("cioc-files-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string path(const std::string &rel) const { return (root_ / rel).string(); }
  void write(const std::string &rel, const std::string &text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  static std::string read(const std::string &p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  static size_t count(const SourceFiles &f, SourceFiles::Problem::Kind k) {
    size_t n = 0;
    for (const auto &p : f.problems) n += p.kind == k;
    return n;
  }
  fs::path root_;
};

TEST_F(FilesTest, LinkLoopsAreWalkedOnce) {
  write("a/x.cio", "");
  fs::create_directory_symlink(root_ / "a", root_ / "a/loop");  // a/loop -> a
  fs::create_directory_symlink(root_, root_ / "a/up");          // a/up -> the root
  fs::create_directory_symlink(root_ / "a", root_ / "b");
  SourceFiles f = findSourceFiles({root_.string()});
  ASSERT_EQ(f.files.size(), 1u);
  EXPECT_EQ(f.files[0], path("a/x.cio"));
  EXPECT_TRUE(f.problems.empty());
}

TEST_F(FilesTest, TheSameFileIsReadOnceUnderItsSmallestName) {
  write("z.cio", "");
  fs::create_symlink(root_ / "z.cio", root_ / "a.cio");
  fs::create_hard_link(root_ / "z.cio", root_ / "m.cio");
  for (const auto &order : {std::vector<std::string>{path("z.cio"), path("m.cio"), root_.string()},
                            std::vector<std::string>{root_.string(), path("z.cio"), path("z.cio")}}) {
    SourceFiles f = findSourceFiles(order);
    ASSERT_EQ(f.files.size(), 1u);
    EXPECT_EQ(f.files[0], path("a.cio"));
  }
}

TEST_F(FilesTest, OnlyRegularFilesAreRead) {
  write("ok.cio", "");
  ASSERT_EQ(::mkfifo(path("pipe.cio").c_str(), 0600), 0);
  fs::create_symlink("/dev/zero", root_ / "zero.cio");
  fs::create_symlink(root_ / "missing", root_ / "dangling.cio");
  SourceFiles f = findSourceFiles({root_.string()});
  EXPECT_EQ(f.files, std::vector<std::string>{path("ok.cio")});
  EXPECT_EQ(count(f, SourceFiles::Problem::Kind::NotRegular), 2u);  // the pipe, the device
  EXPECT_EQ(count(f, SourceFiles::Problem::Kind::Unreadable), 1u);  // the dangling link
  // Named directly, too.
  SourceFiles named = findSourceFiles({path("pipe.cio")});
  EXPECT_TRUE(named.files.empty());
  EXPECT_EQ(count(named, SourceFiles::Problem::Kind::NotRegular), 1u);
}

TEST_F(FilesTest, MissingAndEmptyPathsAreReported) {
  fs::create_directory(root_ / "empty");
  SourceFiles f = findSourceFiles({path("nothing.cio"), path("empty")});
  EXPECT_EQ(count(f, SourceFiles::Problem::Kind::Missing), 1u);
  EXPECT_EQ(count(f, SourceFiles::Problem::Kind::NoSourceFiles), 1u);
}

TEST_F(FilesTest, TheLibraryPathIsNotSearchedRecursively) {
  write("lib/a.cio", "");
  write("lib/sub/b.cio", "");
  EXPECT_EQ(findSourceFiles({path("lib")}, false).files, std::vector<std::string>{path("lib/a.cio")});
  EXPECT_EQ(findSourceFiles({path("lib")}).files.size(), 2u);
}

TEST_F(FilesTest, AWriteKeepsModeOwnerAndLinks) {
  write("f.cio", "old");
  ASSERT_EQ(::chmod(path("f.cio").c_str(), 0600), 0);
  bool root = ::geteuid() == 0;
  if (root) ASSERT_EQ(::chown(path("f.cio").c_str(), 1234, 4321), 0);
  fs::create_symlink(root_ / "f.cio", root_ / "link.cio");
  WriteError error;
  ASSERT_TRUE(writeFileAtomically(path("link.cio"), "new", error)) << error.detail;
  EXPECT_TRUE(fs::is_symlink(root_ / "link.cio"));
  EXPECT_EQ(read(path("f.cio")), "new");
  struct stat st {};
  ASSERT_EQ(::stat(path("f.cio").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  if (root) {
    EXPECT_EQ(st.st_uid, 1234u);
    EXPECT_EQ(st.st_gid, 4321u);
  }
  fs::create_hard_link(root_ / "f.cio", root_ / "hard.cio");
  ASSERT_TRUE(writeFileAtomically(path("hard.cio"), "newer", error));
  EXPECT_EQ(read(path("f.cio")), "newer");
  EXPECT_EQ(fs::hard_link_count(root_ / "f.cio"), 2u);
}

TEST_F(FilesTest, AReadOnlyFileIsNotWritten) {
  write("ro.cio", "old");
  ASSERT_EQ(::chmod(path("ro.cio").c_str(), 0444), 0);
  WriteError error;
  EXPECT_FALSE(writeFileAtomically(path("ro.cio"), "new", error));
  EXPECT_EQ(error.kind, WriteError::Kind::ReadOnly);
  EXPECT_EQ(read(path("ro.cio")), "old");
}

TEST_F(FilesTest, AFileChangedMeanwhileIsNotOverwritten) {
  write("f.cio", "what the user saved later");
  std::string readEarlier = "what fmt read";
  WriteError error;
  EXPECT_FALSE(writeFileAtomically(path("f.cio"), "formatted", error, &readEarlier));
  EXPECT_EQ(error.kind, WriteError::Kind::Changed);
  EXPECT_EQ(read(path("f.cio")), "what the user saved later");
  for (const auto &e : fs::directory_iterator(root_)) EXPECT_EQ(e.path().filename(), "f.cio");  // no temporary left
}

}  // namespace
}  // namespace cio
