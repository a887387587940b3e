// EventGenerator.cpp — jobhost audiences tests: deterministic synthetic PostUp stream events.
// SPDX-License-Identifier: Apache-2.0
#include "EventGenerator.h"

#include <random>

std::vector<GeneratedEvent> EventGenerator::generate(std::size_t recipients, std::size_t activityPerRecipient,
                                                     std::uint32_t seed)
{
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::int64_t base = 1731681000000; // 2024-11-15T14:30:00Z
    std::vector<GeneratedEvent> out;
    for (std::size_t i = 0; i < recipients; ++i) {
        std::string r = std::to_string(1000 + i);
        std::map<std::string, std::string> f{{"recipientId", r},
                                             {"address", "User " + r + " <User" + r + "@Example.COM>"},
                                             {"channel", pick(5) ? "E" : "S"},
                                             {"status", pick(10) ? "N" : "U"},
                                             {"list_id", std::to_string(10 + pick(3))},
                                             {"list_title", "List " + std::to_string(pick(3))},
                                             {"list_catagory", "news"},
                                             {"dateJoined", "2023-05-01 10:00:00"}};
        if (pick(4) == 0) f["externalId"] = "CRM-" + r;
        out.push_back({"postup_users", f, {base + static_cast<std::int64_t>(i) * 1000}, "u:" + r + ":" + f["list_id"]});
    }
    const char* types[] = {"open", "open", "click", "hard_bounce", "soft_bounce"};
    std::size_t n = recipients * activityPerRecipient;
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t i = pick(recipients + recipients / 10 + 1); // some unknown recipients
        std::string r = std::to_string(1000 + i);
        std::string type = types[pick(5)];
        std::map<std::string, std::string> f{{"event_type", type}, {"campaign_id", std::to_string(500 + pick(4))}};
        switch (pick(6)) {
        case 0: f["externalId"] = "CRM-" + r; break;                    // external id only (stitched later)
        case 1: f["externalId"] = "CRM-" + r; f["recipientId"] = r; break;
        case 2: f["recipientId"] = r; f["address"] = "user" + r + "@example.com"; break;
        case 3: f["recipientId"] = r; f["address"] = "user" + std::to_string(1000 + pick(recipients)) + "@example.com"; break; // conflict
        default: f["recipientId"] = r; break;
        }
        if (type == "click") f["url_clicked"] = "https://www.example.com/p" + std::to_string(pick(5)) + "?utm=x";
        if (type == "hard_bounce" || type == "soft_bounce") f["bounce_reason"] = "mailbox full";
        std::int64_t t = base + 86400000LL + static_cast<std::int64_t>(pick(30 * 86400)) * 1000;
        out.push_back({"postup_activity", f, {t}, "a:" + std::to_string(k)});
    }
    return out;
}
