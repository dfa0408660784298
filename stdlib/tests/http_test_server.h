// A small HTTP/1.1 server for the http.send tests: POSIX sockets on 127.0.0.1 with an
// ephemeral port (or on a Unix domain socket), one thread accepting and one per
// connection, started and stopped by the test itself. No real network is ever touched.
//
// Each request is answered by the handler the test installs; the server counts requests
// and keeps the last one so a test can check what was sent. A handler may ask for a
// delay before the answer (to provoke timeouts); the delay ends early when the server
// stops, so tests never wait for it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace arcane::stdlib::testing {

struct HttpTestRequest {
  std::string method, target, body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string header(const std::string& lower_name) const;    // first value, or ""
};

struct HttpTestResponse {
  int status = 200;
  std::string reason = "OK";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds delay{0};  // before anything is written
};

class HttpTestServer {
 public:
  using Handler = std::function<HttpTestResponse(const HttpTestRequest&)>;

  explicit HttpTestServer(Handler handler, std::string unix_socket_path = "");
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "/") const;
  int requests() const { return requests_.load(); }
  HttpTestRequest last_request() const;

 private:
  void accept_loop();
  void serve(int fd);
  bool wait_or_stop(std::chrono::milliseconds d);

  Handler handler_;
  std::string unix_path_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::thread acceptor_;
  mutable std::mutex mu_;
  std::condition_variable stopped_;
  std::vector<std::thread> workers_;
  HttpTestRequest last_;
};

}  // namespace arcane::stdlib::testing
