; Inno Setup 6 script for SearchApp on Windows (not built in this repository's CI; see packaging/README.md).
;   1. On Windows, from the repo root:  py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   2. .venv\Scripts\pyinstaller --noconfirm --clean packaging\searchapp.spec      -> dist\SearchApp\
;   3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\searchapp.iss
;      -> dist\SearchApp-0.1.0-windows-x64-setup.exe
;   4. Check: dist\SearchApp\searchapp-cli.exe --self-test   (QT_QPA_PLATFORM=offscreen works on Windows too)
; Per-user install by default (no admin prompt); the user can choose all users. Uninstalling removes the
; program folder and shortcuts only: the index, settings and logs in %LOCALAPPDATA%\SearchApp stay.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define RepoRoot AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{6E0C5B0E-3D0A-4F7B-9B0B-5EA2C0A1D3F1}
AppName=SearchApp
AppVersion={#AppVersion}
AppVerName=SearchApp {#AppVersion}
AppPublisher=SearchApp developers
AppPublisherURL=https://github.com/searchapp/searchapp
DefaultDirName={autopf}\SearchApp
DefaultGroupName=SearchApp
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#RepoRoot}\dist
OutputBaseFilename=SearchApp-{#AppVersion}-windows-x64-setup
SetupIconFile={#RepoRoot}\resources\icons\searchapp.ico
UninstallDisplayIcon={app}\SearchApp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#RepoRoot}\dist\SearchApp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\SearchApp"; Filename: "{app}\SearchApp.exe"; AppUserModelID: "io.github.searchapp.SearchApp"
Name: "{autodesktop}\SearchApp"; Filename: "{app}\SearchApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\SearchApp.exe"; Description: "{cm:LaunchProgram,SearchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}; the user's index under %LOCALAPPDATA%\SearchApp is left alone.
Type: filesandordirs; Name: "{app}\_internal"
