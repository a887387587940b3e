// FlatMap.h — jobhost profiles: a string-keyed map kept as one sorted vector.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::host::profiles {

// The container of a profile's fields and of a field's entries: the same
// order and look-up semantics as std::map<std::string, V> (keys unique,
// iterated in std::string order), stored as one contiguous sorted vector.
// Profiles hold a few dozen fields of a few dozen entries each and are
// copied, decoded, merged and destroyed once per touched profile and batch;
// one block instead of a tree node per key is what makes that cheap (perf:
// node allocation and Rb-tree walks were a fifth of the builder's samples).
// Inserting into a large map costs O(n) moves, which stays below the tree's
// allocation for the sizes profiles have (hundreds of entries at most).
// Plain value type, not synchronised; iterators and references are
// invalidated by every insertion and erase (unlike std::map).
template <typename V>
class FlatMap {
public:
    using value_type = std::pair<std::string, V>;
    using iterator = typename std::vector<value_type>::iterator;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    iterator begin() { return _items.begin(); }
    iterator end() { return _items.end(); }
    const_iterator begin() const { return _items.begin(); }
    const_iterator end() const { return _items.end(); }
    std::size_t size() const { return _items.size(); }
    bool empty() const { return _items.empty(); }
    void clear() { _items.clear(); }
    void reserve(std::size_t n) { _items.reserve(n); }

    iterator find(const std::string& key)
    {
        auto it = lowerBound(key);
        return it != _items.end() && it->first == key ? it : _items.end();
    }
    const_iterator find(const std::string& key) const
    {
        auto it = lowerBound(key);
        return it != _items.end() && it->first == key ? it : _items.end();
    }
    std::size_t count(const std::string& key) const { return find(key) == end() ? 0 : 1; }
    // Throws std::out_of_range when the key is absent (as std::map::at).
    const V& at(const std::string& key) const
    {
        auto it = find(key);
        if (it == end()) throw std::out_of_range("FlatMap::at: no key '" + key + "'");
        return it->second;
    }

    // Inserts when the key is absent; otherwise leaves the stored value
    // (as std::map::emplace). Returns the element and whether it was inserted.
    std::pair<iterator, bool> emplace(std::string key, V value)
    {
        auto it = lowerBound(key);
        if (it != _items.end() && it->first == key) return {it, false};
        return {_items.emplace(it, std::move(key), std::move(value)), true};
    }
    // Inserts or replaces.
    void insert_or_assign(std::string key, V value)
    {
        auto it = lowerBound(key);
        if (it != _items.end() && it->first == key) {
            it->second = std::move(value);
            return;
        }
        _items.emplace(it, std::move(key), std::move(value));
    }
    iterator erase(iterator it) { return _items.erase(it); }

private:
    // Keys usually arrive in order (decoding, copying): the end is checked first.
    iterator lowerBound(const std::string& key)
    {
        if (_items.empty() || _items.back().first < key) return _items.end();
        return std::lower_bound(_items.begin(), _items.end(), key,
                                [](const value_type& item, const std::string& k) { return item.first < k; });
    }
    const_iterator lowerBound(const std::string& key) const
    {
        if (_items.empty() || _items.back().first < key) return _items.end();
        return std::lower_bound(_items.begin(), _items.end(), key,
                                [](const value_type& item, const std::string& k) { return item.first < k; });
    }

    std::vector<value_type> _items;
};

} // namespace jobhost::host::profiles
