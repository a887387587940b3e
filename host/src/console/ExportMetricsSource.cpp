// jobhost host — ExportMetricsSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ExportMetricsSource.h"

#include <Poco/Timestamp.h>

#include "console/MetricsWriter.h"
#include "exports/ExportOverviewRepository.h"
#include "store/Store.h"

namespace jobhost::host {

ExportMetricsSource::ExportMetricsSource(const Store& store) : _store(store) {}

void ExportMetricsSource::collect(MetricsWriter& writer) {
    Poco::Data::Session session = _store.openSession();
    const auto counts = exports::ExportOverviewRepository(session).counts();
    auto gauge = [&](const char* name, const char* help, auto value) {
        writer.family(name, "gauge", help);
        for (const auto& [job, c] : counts) writer.sample(name, {{"job", job}}, static_cast<double>(value(c)));
    };
    using Counts = exports::ExportQueueCounts;
    gauge("jobhost_export_outbox_depth", "Outbox rows of the export job: waiting plus in flight.", [](const Counts& c) { return c.outboxDepth(); });
    gauge("jobhost_export_outbox_inflight", "Outbox rows handed to the plugin whose results are not applied yet.",
          [](const Counts& c) { return c.inflight; });
    gauge("jobhost_export_outbox_retrying", "Waiting outbox rows that failed before and wait for a retry.", [](const Counts& c) { return c.retrying; });
    gauge("jobhost_export_dead_letters", "Changes the export gave up on (replayable).", [](const Counts& c) { return c.deadLetters; });

    const double nowSeconds = static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6;
    writer.family("jobhost_export_oldest_waiting_age_seconds", "gauge", "Age of the oldest waiting outbox row.");
    for (const auto& [job, c] : counts)
        if (c.oldestWaitingAt)
            writer.sample("jobhost_export_oldest_waiting_age_seconds", {{"job", job}}, nowSeconds - static_cast<double>(*c.oldestWaitingAt) / 1000.0);

    writer.family("jobhost_export_items_total", "counter", "Export item results by job and result.");
    for (const auto& [job, c] : counts) {
        if (!c.status) continue;
        const auto& t = c.status->totals;
        writer.sample("jobhost_export_items_total", {{"job", job}, {"result", "delivered"}}, static_cast<double>(t.delivered));
        writer.sample("jobhost_export_items_total", {{"job", job}, {"result", "skipped"}}, static_cast<double>(t.skipped));
        writer.sample("jobhost_export_items_total", {{"job", job}, {"result", "retried"}}, static_cast<double>(t.retried));
        writer.sample("jobhost_export_items_total", {{"job", job}, {"result", "rejected"}}, static_cast<double>(t.rejected));
    }
    writer.family("jobhost_export_batches_total", "counter", "Batches the export job handed to its plugin.");
    for (const auto& [job, c] : counts)
        if (c.status) writer.sample("jobhost_export_batches_total", {{"job", job}}, static_cast<double>(c.status->totals.batches));
    writer.family("jobhost_export_last_batch_timestamp_seconds", "gauge", "When the export job's last batch finished (Unix time).");
    for (const auto& [job, c] : counts)
        if (c.status && c.status->lastBatchAt)
            writer.sample("jobhost_export_last_batch_timestamp_seconds", {{"job", job}}, static_cast<double>(*c.status->lastBatchAt) / 1000.0);
}

} // namespace jobhost::host
