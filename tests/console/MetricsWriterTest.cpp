// MetricsWriterTest.cpp — jobhost console tests: Prometheus text exposition.
// SPDX-License-Identifier: Apache-2.0
#include "MetricsWriterTest.h"

#include <cmath>

#include "ConsoleFixture.h"
#include "console/MetricsWriter.h"

using jobhost::host::MetricsWriter;

void MetricsWriterTest::setUp() {}
void MetricsWriterTest::tearDown() {}

void MetricsWriterTest::testFamilyDeclaredOnce() {
    MetricsWriter w;
    w.family("jobhost_x_total", "counter", "X.");
    w.sample("jobhost_x_total", {{"job", "a"}}, 3);
    w.family("jobhost_x_total", "counter", "X.");
    w.sample("jobhost_x_total", {{"job", "b"}}, 4.5);
    CPPUNIT_ASSERT_EQUAL(std::string("# HELP jobhost_x_total X.\n# TYPE jobhost_x_total counter\n"
                                     "jobhost_x_total{job=\"a\"} 3\njobhost_x_total{job=\"b\"} 4.5\n"),
                         w.text());
}

void MetricsWriterTest::testLabelEscaping() {
    MetricsWriter w;
    w.sample("m", {{"job", "a\"b\\c\nd"}}, 1);
    CPPUNIT_ASSERT_EQUAL(std::string("m{job=\"a\\\"b\\\\c\\nd\"} 1\n"), w.text());
}

void MetricsWriterTest::testHistogram() {
    MetricsWriter w;
    w.histogram("d", {{"job", "j"}}, {1, 5}, {2, 3}, 4, 12.5);
    CPPUNIT_ASSERT_EQUAL(std::string("d_bucket{job=\"j\",le=\"1\"} 2\nd_bucket{job=\"j\",le=\"5\"} 3\nd_bucket{job=\"j\",le=\"+Inf\"} 4\n"
                                     "d_sum{job=\"j\"} 12.5\nd_count{job=\"j\"} 4\n"),
                         w.text());
}

void MetricsWriterTest::testNumberFormat() {
    CPPUNIT_ASSERT_EQUAL(std::string("42"), MetricsWriter::number(42));
    CPPUNIT_ASSERT_EQUAL(std::string("1795930122"), MetricsWriter::number(1795930122.0));
    CPPUNIT_ASSERT_EQUAL(std::string("1795930122.641"), MetricsWriter::number(1795930122.641)); // ms timestamps stay exact
    CPPUNIT_ASSERT_EQUAL(std::string("0.1"), MetricsWriter::number(0.1));
    CPPUNIT_ASSERT_EQUAL(std::string("7232.1"), MetricsWriter::number(7232.1));
    CPPUNIT_ASSERT_EQUAL(std::string("+Inf"), MetricsWriter::number(1.0 / 0.0));
    CPPUNIT_ASSERT_EQUAL(std::string("NaN"), MetricsWriter::number(std::nan("")));
}
