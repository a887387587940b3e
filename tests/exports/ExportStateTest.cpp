// jobhost exports tests — ExportStateTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ExportStateTest.h"

#include "export/ExportState.h"
#include "export/ImportTemplateBuilder.h"

namespace jobhost::host::exports::test {

using plugins::postup::ExportState;
using plugins::postup::ImportTemplateBuilder;
using plugins::postup::PendingImport;

void ExportStateTest::testRoundTripKeepsPartialTemplatesAndPendingImports() {
    ExportState state;
    state.listId = 12;
    state.listTitle = "h + a";
    state.importTemplateId = 7;
    state.templateColumns = "Recips.ADDRESS,Demographics.FirstName,Demographics._City";
    state.templateListId = 12;
    state.partialTemplates = {{"Recips.ADDRESS,Demographics._City", 9}, {"Recips.ADDRESS", 10}};
    state.pendingImports = {PendingImport{5012, {1, 2}, 1000}, PendingImport{5013, {3}, 1001}};
    const ExportState back = ExportState::parse(state.toJson());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(12), back.listId);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(7), back.importTemplateId);
    CPPUNIT_ASSERT(state.partialTemplates == back.partialTemplates);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), back.pendingImports.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(5012), back.pendingImports[0].importId);
    CPPUNIT_ASSERT(std::vector<std::int64_t>({1, 2}) == back.pendingImports[0].itemIds);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(5013), back.pendingImports[1].importId);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1001), back.pendingImports[1].startedAtMs);
}

void ExportStateTest::testVersionOnePendingImportIsRead() {
    // A state written before partial templates existed: its one pending
    // import must still be resumed after an upgrade.
    const ExportState s = ExportState::parse(
        R"({"version":1,"listId":4,"listTitle":"t","importTemplateId":7,"templateColumns":"Recips.ADDRESS","templateListId":4,)"
        R"("pendingImport":{"importId":88,"itemIds":[5,6,7],"startedAtMs":42}})");
    CPPUNIT_ASSERT_EQUAL(std::int64_t(4), s.listId);
    CPPUNIT_ASSERT(s.partialTemplates.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.pendingImports.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(88), s.pendingImports[0].importId);
    CPPUNIT_ASSERT(std::vector<std::int64_t>({5, 6, 7}) == s.pendingImports[0].itemIds);
}

void ExportStateTest::testRestrictedTemplateKeepsPresentColumnsOnly() {
    std::string error;
    auto builder = ImportTemplateBuilder::tryBuild({{"first_name", "FirstName"}, {"city", "city"}, {"zip", "postalCode"}}, {}, error);
    CPPUNIT_ASSERT_MESSAGE(error, builder.has_value());
    const std::map<std::string, std::string> fields{{"email", "a@b.example.com"}, {"zip", ""}, {"first_name", "Ada"}};
    const ImportTemplateBuilder restricted = builder->restrictedTo(fields);
    // A present field keeps its column even when empty; a missing one loses it.
    CPPUNIT_ASSERT_EQUAL(std::string("Recips.ADDRESS,Demographics.FirstName,Demographics._PostalCode"), restricted.columnNames());
    CPPUNIT_ASSERT_EQUAL(std::string("a@b.example.com\tAda\t"), restricted.row("a@b.example.com", fields));
    CPPUNIT_ASSERT_EQUAL(std::string("Recips.ADDRESS"), builder->restrictedTo({}).columnNames());
    CPPUNIT_ASSERT_EQUAL(builder->columnNames(), builder->restrictedTo({{"first_name", "x"}, {"city", "y"}, {"zip", "z"}}).columnNames());
}

} // namespace jobhost::host::exports::test
