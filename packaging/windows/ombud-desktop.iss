; Inno Setup 6 recipe of the Windows installer: per user, no administrator rights.
;
; Build the bundle first (packaging/windows/build.ps1 does all of it), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\ombud-desktop.iss
; Output: dist\ombud-desktop-VERSION-setup.exe
;
; Installs into %LOCALAPPDATA%\Programs\Ombud Desktop, adds Start-menu shortcuts (the app, and a
; command prompt where `ombud` works), associates .ombx packages with the app in HKCU, and
; uninstalls from Settings > Apps. Workspaces and keys (%LOCALAPPDATA%\ombud-desktop) are
; never touched by installing, updating or uninstalling.

#ifndef AppVersion
  #error Pass the package version: iscc /DAppVersion=X.Y.Z ombud-desktop.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ombud-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\ombud-desktop.ico"
#endif

[Setup]
; The AppId identifies the app across versions: never change it (updates replace in place).
AppId={{6E1B2C8A-4F0D-4C51-9A7E-0B3D5F9E2A71}
AppName=Ombud Desktop
AppVersion={#AppVersion}
AppVerName=Ombud Desktop {#AppVersion}
AppPublisher=Ombud Desktop team
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Ombud Desktop
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Ombud Desktop
DefaultGroupName=Ombud Desktop
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=ombud-desktop-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\ombud-desktop.exe
UninstallDisplayName=Ombud Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running app holds its files: ask to close it before updating.
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Indonesian among its official languages; English it is. The app itself
; starts in Indonesian.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program folder: no library of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Ombud Desktop"; Filename: "{app}\ombud-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{group}\Ombud command line"; Filename: "{cmd}"; Parameters: "/k set ""PATH={app};%PATH%"" && ombud --version"; WorkingDir: "{userdocs}"; IconFilename: "{app}\ombud.exe"
Name: "{group}\{cm:UninstallProgram,Ombud Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Ombud Desktop"; Filename: "{app}\ombud-desktop.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .ombx (a signed assessment package) opens with the app; per user, under HKCU\Software\Classes.
Root: HKCU; Subkey: "Software\Classes\.ombx"; ValueType: string; ValueName: ""; ValueData: "OmbudDesktop.Package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ombx"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-ombud-package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ombx\OpenWithProgids"; ValueType: string; ValueName: "OmbudDesktop.Package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\OmbudDesktop.Package"; ValueType: string; ValueName: ""; ValueData: "Paket penilaian Ombud Desktop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\OmbudDesktop.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ombud-desktop.exe,0"
Root: HKCU; Subkey: "Software\Classes\OmbudDesktop.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ombud-desktop.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\ombud-desktop.exe\SupportedTypes"; ValueType: string; ValueName: ".ombx"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\ombud-desktop.exe"; Description: "{cm:LaunchProgram,Ombud Desktop}"; Flags: nowait postinstall skipifsilent
