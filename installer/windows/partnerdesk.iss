; Inno Setup 6.3+ script for PartnerDesk 社区合伙人工作台 (Windows 10/11 x64).
;
; Build on Windows, from the repository root:
;   .venv\Scripts\python -m PyInstaller --noconfirm --clean installer\partnerdesk.spec   -> dist\PartnerDesk\
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\partnerdesk.iss
; Output: dist\installer\PartnerDesk-<version>-setup.exe
;
; The installer only places the program. The office's database, backups and issued-PDF archive live in the
; user's data folder (%LOCALAPPDATA%\PartnerDesk\PartnerDesk), so uninstalling or upgrading never touches them.
; Simplified Chinese wizard text: Inno Setup does not ship ChineseSimplified.isl; put the community translation
; in Inno Setup's Languages\ folder or beside this script and it is picked up; otherwise English only.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "PartnerDesk"
#define AppNameZh "社区合伙人工作台"
#define AppExe "PartnerDesk.exe"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\PartnerDesk"
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\partnerdesk.ico"

#if !DirExists(Bundle)
  #error "dist\PartnerDesk not found: run PyInstaller with installer\partnerdesk.spec first"
#endif

[Setup]
AppId={{E8773787-A5EE-421E-972F-7F7911D4F5FC}
AppName={#AppName} {#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PartnerDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
OutputDir={#SourcePath}..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Per-machine by default (office PCs); a user without admin rights may install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
CloseApplications=yes
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "{#SourcePath}ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder bundle: executables, Qt, Python runtime, resources\, forms\, partnerdesk\db\migrations\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName} {#AppNameZh}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName} {#AppNameZh}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave beside its files; never the user's data folder.
Type: filesandordirs; Name: "{app}\__pycache__"
