@echo off
rem Starts the pricefeed command-line tool. Honours JAVA_HOME (else java on the PATH) and JAVA_OPTS.
rem Usage: bin\pricefeed <command> [options]; bin\pricefeed --help lists the commands.
setlocal

for %%i in ("%~dp0..") do set "PRICEFEED_HOME=%%~fi"

if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java"
)

"%JAVA%" %JAVA_OPTS% "-Dpricefeed.home=%PRICEFEED_HOME%" "-Dlogback.configurationFile=%PRICEFEED_HOME%\conf\logback.xml" -cp "%PRICEFEED_HOME%\lib\*" dev.pricefeed.cli.Main %*
exit /b %ERRORLEVEL%
