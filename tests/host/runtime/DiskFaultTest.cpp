// DiskFaultTest.cpp — jobhost runtime tests: the store's file system full or read-only under a real `jobhost job run`.
// A tmpfs is mounted for the store (root in the dev container); where mounting
// is refused the tests fall back to RLIMIT_FSIZE (full) and file modes
// (read-only) and say so on stderr.
// SPDX-License-Identifier: Apache-2.0
#include "DiskFaultTest.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sys/stat.h>

#include <Poco/File.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "RuntimeEnvironment.h"
#include "ScratchFileSystem.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

namespace jobhost::tests {
namespace {

struct Cli {
    int exitCode = 0;
    std::string output;
};

/// `jobhost --data-dir DATA … ARGS`; with `fileSizeKiB` > 0 under `ulimit -f`
/// (SIGXFSZ ignored, so writes past the limit fail with EFBIG).
Cli run(const std::string& data, const std::vector<std::string>& arguments, long fileSizeKiB = 0) {
    std::vector<std::string> args{"--data-dir", data, "--plugin-dir", RuntimeEnvironment::pluginDirectory, "--manifest-dir",
                                  RuntimeEnvironment::manifestDirectory};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::string program = RuntimeEnvironment::jobhostExecutable;
    if (fileSizeKiB > 0) {
        args.insert(args.begin(), {"-c", "trap '' XFSZ; ulimit -f " + std::to_string(fileSizeKiB) + "; exec \"$0\" \"$@\"", program});
        program = "/bin/sh";
    }
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch(program, args, nullptr, &out, &out);
    Cli cli;
    Poco::PipeInputStream in(out);
    Poco::StreamCopier::copyToString(in, cli.output);
    cli.exitCode = handle.wait();
    return cli;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct Stored {
    Poco::Int64 records = 0;
    Poco::Int64 committedNext = 0;
    std::size_t duplicates = 0;
};

Stored stored(const std::string& data, const std::string& job) {
    host::Store store(host::Store::defaultFile(data));
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    host::JobRepository jobs(session);
    Stored s;
    s.records = streams.count("runtime_events");
    s.duplicates = streams.duplicateKeys("runtime_events").size();
    auto state = jobs.loadState(jobs.get(job).id);
    s.committedNext = state ? std::stoll(*state) : 0;
    return s;
}

void writeConfig(const RuntimeEnvironment& env, const std::string& job, const std::string& config) {
    std::ofstream(env.configFile(), std::ios::trunc) << RuntimeEnvironment::jobConfig(job, "emitter", config);
}

} // namespace

void DiskFaultTest::testFullDiskFailsClearlyKeepsCommittedWorkAndResumes() {
    RuntimeEnvironment env;
    ScratchFileSystem fs(env.dir.file("small"), 1024); // 1 MiB: the store fills it part-way through the run
    const long limitKiB = fs.mounted() ? 0 : 1024;
    if (!fs.mounted()) std::cerr << "\nDiskFaultTest: " << fs.reason() << "; using RLIMIT_FSIZE (ulimit -f) instead\n";
    const std::string data = fs.path() + "/data";
    writeConfig(env, "fill", R"({"count": 4000, "checkpoint_every": 100, "payload_bytes": 300})");
    Cli applied = run(data, {"apply", env.configFile()});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(applied.output, 0, applied.exitCode);

    Cli full = run(data, {"job", "run", "fill"}, limitKiB);
    CPPUNIT_ASSERT_MESSAGE(full.output, full.exitCode != 0);
    const std::string text = lower(full.output);
    CPPUNIT_ASSERT_MESSAGE(full.output, text.find("full") != std::string::npos || text.find("file too large") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(full.output, full.output.find(host::Store::defaultFile(data)) != std::string::npos);

    if (fs.mounted()) fs.resize(64 * 1024); // space again
    const Stored kept = stored(data, "fill");
    CPPUNIT_ASSERT_MESSAGE("nothing was committed before the disk filled up", kept.records > 0);
    CPPUNIT_ASSERT_MESSAGE("the disk never filled up", kept.records < 4000);
    CPPUNIT_ASSERT_EQUAL(kept.committedNext, kept.records); // every committed record, nothing beyond the checkpoint
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), kept.duplicates);

    Cli resumed = run(data, {"job", "run", "fill"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(resumed.output, 0, resumed.exitCode);
    const Stored done = stored(data, "fill");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(4000), done.records);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), done.duplicates);
}

void DiskFaultTest::testReadOnlyStoreFailsClearlyKeepsCommittedWorkAndResumes() {
    RuntimeEnvironment env;
    ScratchFileSystem fs(env.dir.file("ro"), 16 * 1024);
    if (!fs.mounted()) std::cerr << "\nDiskFaultTest: " << fs.reason() << "; using file modes for the read-only store instead\n";
    const std::string data = fs.path() + "/data";
    // A first run dies after 275 records (250 committed)…
    writeConfig(env, "ro", R"({"count": 600, "checkpoint_every": 50, "abort_after": 275})");
    CPPUNIT_ASSERT_EQUAL(0, run(data, {"apply", env.configFile()}).exitCode);
    Cli aborted = run(data, {"job", "run", "ro"});
    CPPUNIT_ASSERT_MESSAGE(aborted.output, aborted.exitCode != 0);
    writeConfig(env, "ro", R"({"count": 600, "checkpoint_every": 50})");
    CPPUNIT_ASSERT_EQUAL(0, run(data, {"apply", env.configFile()}).exitCode);
    const Stored before = stored(data, "ro");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(250), before.records);

    // …then the store becomes read-only.
    const std::string file = host::Store::defaultFile(data);
    auto setModes = [&](bool writable) {
        for (const std::string& f : {file, file + "-wal", file + "-shm"})
            if (Poco::File(f).exists()) ::chmod(f.c_str(), writable ? 0600 : 0400);
        ::chmod(data.c_str(), writable ? 0700 : 0500);
    };
    if (fs.mounted()) fs.setReadOnly(true);
    else setModes(false);
    Cli readOnly = run(data, {"job", "run", "ro"});
    if (fs.mounted()) fs.setReadOnly(false);
    else setModes(true);
    CPPUNIT_ASSERT_MESSAGE(readOnly.output, readOnly.exitCode != 0);
    CPPUNIT_ASSERT_MESSAGE(readOnly.output, lower(readOnly.output).find("read-only") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(readOnly.output, readOnly.output.find(file) != std::string::npos);
    const Stored kept = stored(data, "ro");
    CPPUNIT_ASSERT_EQUAL(before.records, kept.records);
    CPPUNIT_ASSERT_EQUAL(before.committedNext, kept.committedNext);

    Cli resumed = run(data, {"job", "run", "ro"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(resumed.output, 0, resumed.exitCode);
    const Stored done = stored(data, "ro");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(600), done.records);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), done.duplicates);
}

} // namespace jobhost::tests
