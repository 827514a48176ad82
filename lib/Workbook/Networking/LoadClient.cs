namespace Workbook.Networking;

/// <summary>Which client a <see cref="LoadGenerator"/> run sends its requests with (<see cref="LoadOptions.Client"/>).</summary>
public enum LoadClient
{
    /// <summary>
    /// Raw sockets when they can do the job (a closed loop of plain GETs of an http <see cref="LoadOptions.Url"/>,
    /// no <see cref="LoadOptions.RequestFactory"/>, no <see cref="LoadOptions.WrapHandler"/>), otherwise HttpClient.
    /// </summary>
    Auto,

    /// <summary>One shared <see cref="System.Net.Http.HttpClient"/> over a <see cref="System.Net.Http.SocketsHttpHandler"/>: any method, https, custom handlers, the open loop.</summary>
    HttpClient,

    /// <summary>
    /// Like <c>wrk</c>: every closed-loop client owns one keep-alive TCP connection, writes the same
    /// pre-encoded GET and parses the HTTP/1.1 response itself. Far cheaper per request, so the
    /// client leaves more CPU to the server; plain http GETs in a closed loop only.
    /// </summary>
    Sockets,
}
