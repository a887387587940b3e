// main.cpp — jobhost postup-sim: the simulator executable.
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/sim/CommandLine.h"
#include "jobhost/sim/SimulatorServer.h"

#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <pthread.h>

int main(int argc, char** argv) {
  using namespace jobhost::sim;
  const auto parsed = CommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
  if (parsed.help) {
    std::cout << CommandLine::usage();
    return 0;
  }
  if (!parsed.error.empty()) {
    std::cerr << "postup-sim: " << parsed.error << "\n" << "try 'postup-sim --help'\n";
    return 64; // EX_USAGE
  }
  // Block the stop signals in every thread; the main thread waits for them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
  try {
    SimulatorServer server(parsed.options);
    server.start();
    std::cout << "postup-sim listening on " << server.baseUrl() << std::endl;
    std::cerr << "postup-sim: api " << server.apiBaseUrl() << ", reports " << server.reportBaseUrl() << "/"
              << server.siteName() << "/ExternalDownload.do, siteID " << server.siteId() << std::endl;
    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cerr << "postup-sim: signal " << signal << ", stopping" << std::endl;
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "postup-sim: " << e.what() << std::endl;
    return 70; // EX_SOFTWARE
  }
  return 0;
}
