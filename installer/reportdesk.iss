; Inno Setup script: an offline installer for ReportDesk (报告对照台).
; Build dist\ReportDesk with PyInstaller first (see installer\README.md), then:
;   iscc installer\reportdesk.iss
; Output: installer\Output\ReportDesk-<version>-setup.exe (everything inside: no network needed).

#define AppName "报告对照台 ReportDesk"
#define AppVersion "0.1.0"
#define AppExe "ReportDesk.exe"

[Setup]
AppId={{6F1C2A8E-5B7D-4C1E-9A3F-2D8E4B6C0A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ReportDesk
DefaultDirName={autopf}\ReportDesk
DefaultGroupName=报告对照台
; Per-user install works without administrator rights (common on government PCs);
; an administrator can still choose "all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=ReportDesk-{#AppVersion}-setup
OutputDir=Output
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\resources\icons\reportdesk.ico
DisableProgramGroupPage=yes

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3+; on older versions copy it into
; the Languages folder from the Inno Setup translations page.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\ReportDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\报告对照台"; Filename: "{app}\{#AppExe}"
Name: "{group}\报告对照台（示例）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,报告对照台}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\报告对照台"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "--demo"; Description: "{cm:LaunchProgram,报告对照台}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program's own caches (jieba's dictionary cache); the user's drafts and settings stay.
Type: filesandordirs; Name: "{localappdata}\ReportDesk\cache"
