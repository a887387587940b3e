// jobhost host — SecretKey.cpp
// SPDX-License-Identifier: Apache-2.0
#include "security/SecretKey.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/rand.h>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include "app/HostException.h"
#include "util/ChaosHook.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

std::string trim(const std::string& text) {
    std::size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

bool hexDigit(char c, int& value) {
    if (c >= '0' && c <= '9') value = c - '0';
    else if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
    else return false;
    return true;
}

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

} // namespace

SecretKey::SecretKey(std::string bytes, std::string source) : _bytes(std::move(bytes)), _source(std::move(source)) {}

std::string SecretKey::keyFile(const std::string& dataDirectory) {
    return Poco::Path(Poco::Path(dataDirectory).makeDirectory(), "secret.key").toString();
}

SecretKey SecretKey::parse(const std::string& text, const std::string& origin) {
    std::string t = trim(text);
    if (t.size() == 2 * Size) {
        std::string bytes;
        bool ok = true;
        for (std::size_t i = 0; i < t.size() && ok; i += 2) {
            int hi = 0, lo = 0;
            ok = hexDigit(t[i], hi) && hexDigit(t[i + 1], lo);
            bytes.push_back(static_cast<char>(hi * 16 + lo));
        }
        if (ok) return SecretKey(bytes, origin);
    }
    try {
        std::istringstream in(t);
        Poco::Base64Decoder decoder(in);
        std::string bytes((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
        if (bytes.size() == Size) return SecretKey(bytes, origin);
    } catch (const Poco::Exception&) {
        // not base64; reported below
    }
    throw ConfigException(origin + ": not a secret key; expected 64 hex digits or the base64 form of 32 random bytes "
                                   "(e.g. the output of 'openssl rand -base64 32')");
}

SecretKey SecretKey::generate() {
    std::string bytes(Size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1)
        throw HostException("cannot generate a secret key: the OpenSSL random generator failed");
    return SecretKey(bytes, "generated");
}

SecretKey SecretKey::load(const std::string& dataDirectory) {
    if (Poco::Environment::has(EnvironmentVariable)) return parse(Poco::Environment::get(EnvironmentVariable), EnvironmentVariable);
    if (Poco::Environment::has(FileEnvironmentVariable)) {
        std::string file = Poco::Environment::get(FileEnvironmentVariable);
        if (file.empty()) throw ConfigException(std::string(FileEnvironmentVariable) + " is set but empty; name the secret key file or unset it");
        return readKeyFile(file);
    }
    std::string file = keyFile(dataDirectory);
    Poco::File folder(Poco::Path(file).parent());
    if (!folder.exists()) {
        folder.createDirectories();
        ::chmod(folder.path().c_str(), 0700);
    }
    if (!Poco::File(file).exists()) {
        // Written whole to a private temporary file, then linked into place:
        // the key file appears complete or not at all, whenever the process
        // dies; link() fails with EEXIST when another process won the race.
        const std::string temporary = file + "." + std::to_string(::getpid()) + ".tmp";
        ::unlink(temporary.c_str()); // a leftover of a dead process with our pid
        int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) throw ConfigException(file + ": cannot create the secret key file: " + std::strerror(errno));
        ChaosHook::reach("secret-key"); // a key file is being made, its content not written yet
        std::string text = base64(generate().bytes()) + "\n";
        bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        bool synced = ::fsync(fd) == 0;
        const int writeErrno = errno;
        ::close(fd);
        if (!written || !synced) {
            ::unlink(temporary.c_str());
            throw ConfigException(file + ": cannot write the new secret key file: " + std::strerror(writeErrno));
        }
        const bool linked = ::link(temporary.c_str(), file.c_str()) == 0;
        const int linkErrno = errno;
        ::unlink(temporary.c_str());
        if (!linked && linkErrno != EEXIST)
            throw ConfigException(file + ": cannot create the secret key file: " + std::strerror(linkErrno));
    }
    return readKeyFile(file);
}

SecretKey SecretKey::readKeyFile(const std::string& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) throw ConfigException(file + ": cannot read the secret key file: " + std::strerror(errno));
    if (info.st_mode & 0077)
        throw ConfigException(file + ": the secret key file is readable by other users; run 'chmod 600 " + file + "'");
    return parse(JsonDocument::readFile(file), file);
}

} // namespace jobhost::host
