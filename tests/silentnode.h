#pragma once
// A TCP port on loopback that accepts connections (the kernel does, from its
// backlog) and never says a word: a DICOM node that does not answer, for the
// PACS tests' timeouts.

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class SilentNode
{
public:
    SilentNode()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
            ::listen(m_fd, 4) == 0 &&
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            m_port = ntohs(addr.sin_port);
    }
    ~SilentNode()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentNode(const SilentNode &) = delete;
    SilentNode &operator=(const SilentNode &) = delete;

    // 0 when no port could be had.
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};
