; Inno Setup script: the Windows installer for Mødesekretær.
;
; Packs the PyInstaller folder dist\Moedesekretaer\ (installer\build.ps1 makes it) into
; dist\installer\Moedesekretaer-<version>-setup.exe:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows-installer.iss
;
; Per user, no administrator rights: %LOCALAPPDATA%\Programs\Moedesekretaer, a Start menu
; shortcut, Danish wizard, an uninstaller under "Installerede apps". The archive lives apart, in
; %APPDATA%\Moedesekretaer, and the uninstaller leaves it alone: it is the secretary's work.
; (UTF-8 with BOM, for the Danish letters.)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Mødesekretær"
#define AppFolder "Moedesekretaer"
#define AppExe "Moedesekretaer.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{1DA70D45-D4B5-4A2E-B87A-581A2BC5F75D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per-user install: {userpf} is %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppFolder}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename={#AppFolder}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\Moedesekretaer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program's own files; nothing of the user's lives in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
