// jobhost host — ConsoleToken.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ConsoleToken.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include "app/HostException.h"

namespace jobhost::host {
namespace {

constexpr const char* kMagic = "jobhost-token";

std::string randomBytes(std::size_t n) {
    Poco::RandomInputStream random;
    std::string bytes(n, '\0');
    random.read(bytes.data(), static_cast<std::streamsize>(n));
    return bytes;
}

std::string toHex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

/// Inode and nanosecond mtime: changes on every rewrite (rename gives a new inode).
std::string signature(const std::string& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {};
    return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

bool constantTimeEqual(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

ConsoleToken::ConsoleToken(std::string file) : _file(std::move(file)) {}

std::string ConsoleToken::defaultFile(const std::string& dataDirectory) {
    return Poco::Path(Poco::Path(dataDirectory).makeDirectory(), "console.token").toString();
}

std::string ConsoleToken::generate() {
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << randomBytes(32);
    encoder.close();
    return std::string(Prefix) + encoded.str();
}

std::string ConsoleToken::hash(const std::string& salt, const std::string& token) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(salt);
    engine.update(token);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string ConsoleToken::ensure() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (Poco::File(_file).exists()) {
        if (!loadLocked()) throw ConfigException(_file + ": not a jobhost console token file; delete it and restart, or run 'jobhost token'");
        return {};
    }
    std::string token = generate();
    write(token);
    return token;
}

std::string ConsoleToken::rotate() {
    std::lock_guard<std::mutex> lock(_mutex);
    std::string token = generate();
    write(token);
    return token;
}

void ConsoleToken::write(const std::string& token) {
    try {
        Poco::Path path(_file);
        Poco::File folder(path.parent());
        if (!folder.exists()) {
            folder.createDirectories();
            ::chmod(folder.path().c_str(), 0700);
        }
        std::string salt = randomBytes(16);
        std::string temporary = _file + ".tmp";
        {
            std::ofstream out(temporary, std::ios::trunc);
            ::chmod(temporary.c_str(), 0600);
            out << kMagic << " v1 sha256 " << toHex(salt) << " " << hash(salt, token) << "\n";
            if (!out.flush()) throw ConfigException("cannot write " + temporary);
        }
        Poco::File(temporary).renameTo(_file);
        _salt = salt;
        _hash = hash(salt, token);
        _loaded = true;
        _loadedSignature = signature(_file);
    } catch (const Poco::FileException& e) {
        throw ConfigException(_file + ": cannot write the console token file: " + e.displayText());
    }
}

bool ConsoleToken::loadLocked() {
    try {
        std::string current = signature(_file);
        if (current.empty()) {
            _loaded = false;
            return false;
        }
        if (_loaded && current == _loadedSignature) return true;
        std::ifstream in(_file);
        std::string magic, version, algorithm, saltHex, hashHex;
        if (!(in >> magic >> version >> algorithm >> saltHex >> hashHex) || magic != kMagic || version != "v1" ||
            algorithm != "sha256" || saltHex.size() % 2 || hashHex.size() != 64) {
            _loaded = false;
            return false;
        }
        std::string salt;
        for (std::size_t i = 0; i < saltHex.size(); i += 2) salt += static_cast<char>(std::stoi(saltHex.substr(i, 2), nullptr, 16));
        _salt = salt;
        _hash = hashHex;
        _loaded = true;
        _loadedSignature = current;
        return true;
    } catch (const std::exception&) {
        _loaded = false;
        return false;
    }
}

bool ConsoleToken::verify(const std::string& token) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (!loadLocked() || token.empty()) return false;
    return constantTimeEqual(hash(_salt, token), _hash);
}

} // namespace jobhost::host
