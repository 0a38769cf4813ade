#include "loadclient.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

LoadClient::LoadClient(uint16_t port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

LoadClient::~LoadClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool LoadClient::sendAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t sent = ::send(m_fd, data, size, MSG_NOSIGNAL);
        if (sent <= 0)
            return false;
        data += sent;
        size -= size_t(sent);
    }
    return true;
}

int LoadClient::post(const std::string &path, const std::string &contentType, const std::string &body)
{
    const std::string head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType +
                             "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    if (!sendAll(head.data(), head.size()) || !sendAll(body.data(), body.size()))
        return 0;
    m_buffer.clear();
    char chunk[16384];
    size_t headerEnd = std::string::npos;
    size_t contentLength = 0;
    for (;;) {
        const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got <= 0)
            return 0;
        m_buffer.append(chunk, size_t(got));
        if (headerEnd == std::string::npos) {
            headerEnd = m_buffer.find("\r\n\r\n");
            if (headerEnd == std::string::npos)
                continue;
            const size_t lengthAt = m_buffer.find("Content-Length: ");
            if (lengthAt != std::string::npos && lengthAt < headerEnd)
                contentLength = std::strtoull(m_buffer.c_str() + lengthAt + 16, nullptr, 10);
        }
        if (m_buffer.size() >= headerEnd + 4 + contentLength)
            return std::atoi(m_buffer.c_str() + 9); // "HTTP/1.1 200"
    }
}
