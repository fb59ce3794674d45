@echo off
rem `kiedrop` of an installed KieDrop (resources\bin\kiedrop.cmd in its install folder): the app's own
rem program runs the command line tool. Add this folder to PATH to type `kiedrop` anywhere.
rem Electron attaches to the console it was started from (Electron's docs, ELECTRON_NO_ATTACH_CONSOLE),
rem so the tool's output appears here, and a batch file waits for the program and keeps its exit code.
"%~dp0..\..\KieDrop.exe" --cli -- %*
exit /b %ERRORLEVEL%
